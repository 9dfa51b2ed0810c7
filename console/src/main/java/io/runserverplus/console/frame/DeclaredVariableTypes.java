package io.runserverplus.console.frame;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The types javac gave the variables a unit declared ({@code var} included), written as later
 * units declare them: a type no source can write (a capture, an intersection, an anonymous class)
 * becomes its erasure or {@code Object}.
 */
final class DeclaredVariableTypes {

    private DeclaredVariableTypes() {
    }

    /** The types javac gave the variables the unit declared (for {@code var} too), as later units declare them. */
    static Map<String, String> of(com.sun.source.util.JavacTask task,
                                                     com.sun.source.tree.CompilationUnitTree unit, List<String> names) {
        Map<String, String> types = new HashMap<>();
        Trees trees = Trees.instance(task);
        for (var decl : unit.getTypeDecls()) {
            if (!(decl instanceof ClassTree c)) {
                continue;
            }
            for (var m : c.getMembers()) {
                if (!(m instanceof MethodTree method) || !method.getName().contentEquals("$run")) {
                    continue;
                }
                for (StatementTree s : method.getBody().getStatements()) {
                    if (!(s instanceof TryTree t)) {
                        continue;
                    }
                    BlockTree block = t.getBlock();
                    for (StatementTree inner : block.getStatements()) {
                        if (inner instanceof VariableTree v && names.contains(v.getName().toString())) {
                            TypeMirror type = trees.getTypeMirror(TreePath.getPath(unit, v));
                            types.put(v.getName().toString(), declarable(task, type));
                        }
                    }
                }
            }
        }
        return types;
    }

    private static String declarable(com.sun.source.util.JavacTask task, TypeMirror type) {
        if (type == null || type.getKind() == TypeKind.ERROR || type.getKind() == TypeKind.NONE) {
            return "java.lang.Object";
        }
        String text = type.toString();
        if (text.contains("capture#") || text.contains("<anonymous") || type.getKind() == TypeKind.INTERSECTION
                || text.contains("&")) {
            text = task.getTypes().erasure(type).toString();
        }
        return text.contains("<anonymous") || text.contains("capture#") ? "java.lang.Object" : text;
    }
}
