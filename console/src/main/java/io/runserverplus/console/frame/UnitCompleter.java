package io.runserverplus.console.frame;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.runserverplus.console.shell.SourceScan;
import io.runserverplus.spi.Completions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Tab completion with javac's own analysis: the input up to the cursor, its partial name replaced
 * by a marker and its open brackets closed, is attributed as a unit of the frame (nothing is
 * generated or run). After a dot: the members of the expression's type (or the static members of
 * a type) that the frame's code may use; else the names in scope there: locals and bound
 * variables, the receiver's fields and methods, the frame class's statics, the console's helpers.
 */
final class UnitCompleter {

    private static final String MARKER = "$cmpl";

    /** A unit ready to attribute, and what the frame offers. */
    record Prepared(String className, UnitSource source, UnitParser.Parsed parsed, Map<String, byte[]> overlay,
                    FrameTarget target, Set<String> declaredMethods) {}

    private final FrameCompiler compiler;

    UnitCompleter(FrameCompiler compiler) {
        this.compiler = compiler;
    }

    Completions complete(Function<String, Prepared> prepare, String code, int cursor, int offset) {
        int end = Math.max(0, Math.min(cursor, code.length()));
        int anchor = end;
        while (anchor > 0 && Character.isJavaIdentifierPart(code.charAt(anchor - 1))) {
            anchor--;
        }
        String partial = code.substring(anchor, end);
        String head = code.substring(0, anchor);
        Prepared prepared = prepare.apply(head + MARKER + closers(head));
        Set<String> found = new TreeSet<>();
        compiler.compile(prepared.className(), prepared.source().text(), prepared.overlay(),
                (task, unit) -> collect(task, unit, prepared, partial, found), false);
        List<String> candidates = found.stream().filter(n -> n.startsWith(partial) && !n.startsWith("$")).toList();
        return new Completions(Math.max(0, anchor - offset), candidates);
    }

    /** The brackets {@code head} leaves open, closed, and a statement end. */
    private static String closers(String head) {
        String code = SourceScan.mask(head);
        Deque<Character> open = new ArrayDeque<>();
        for (char c : code.toCharArray()) {
            switch (c) {
                case '(' -> open.push(')');
                case '[' -> open.push(']');
                case '{' -> open.push('}');
                case ')', ']', '}' -> {
                    if (!open.isEmpty()) {
                        open.pop();
                    }
                }
                default -> { }
            }
        }
        StringBuilder out = new StringBuilder();
        while (!open.isEmpty()) {
            char c = open.pop();
            out.append(c == '}' ? ";}" : String.valueOf(c));
        }
        return out.append(';').toString();
    }

    private static void collect(JavacTask task, CompilationUnitTree unit, Prepared prepared, String partial,
                                Set<String> found) {
        Trees trees = Trees.instance(task);
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMemberSelect(MemberSelectTree node, Void p) {
                if (node.getIdentifier().contentEquals(MARKER)) {
                    members(task, trees, new TreePath(getCurrentPath(), node.getExpression()), getCurrentPath(), found);
                    return null;
                }
                return super.visitMemberSelect(node, p);
            }

            @Override
            public Void visitIdentifier(IdentifierTree node, Void p) {
                if (node.getName().contentEquals(MARKER)) {
                    names(task, trees, getCurrentPath(), prepared, found);
                }
                return null;
            }
        }.scan(unit, null);
    }

    private static void members(JavacTask task, Trees trees, TreePath expression, TreePath at, Set<String> found) {
        TypeMirror type = trees.getTypeMirror(expression);
        Element element = trees.getElement(expression);
        if (type == null || type.getKind() == TypeKind.ERROR) {
            return;
        }
        if (type.getKind() == TypeKind.ARRAY) {
            found.add("length");
            found.add("clone()");
            return;
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return;
        }
        boolean staticOnly = element != null && (element.getKind().isClass() || element.getKind().isInterface());
        var scope = trees.getScope(at);
        TypeElement typeElement = (TypeElement) ((DeclaredType) type).asElement();
        for (Element member : task.getElements().getAllMembers(typeElement)) {
            if (member.getKind() == ElementKind.CONSTRUCTOR || member.getKind() == ElementKind.STATIC_INIT
                    || member.getKind() == ElementKind.INSTANCE_INIT
                    || staticOnly && !member.getModifiers().contains(Modifier.STATIC)
                    || !trees.isAccessible(scope, member, (DeclaredType) type)) {
                continue;
            }
            found.add(render(member));
        }
    }

    private static void names(JavacTask task, Trees trees, TreePath at, Prepared prepared, Set<String> found) {
        var scope = trees.getScope(at);
        for (var s = scope; s != null; s = s.getEnclosingScope()) {
            for (Element e : s.getLocalElements()) {
                if (e.getKind() == ElementKind.LOCAL_VARIABLE || e.getKind() == ElementKind.PARAMETER
                        || e.getKind() == ElementKind.EXCEPTION_PARAMETER || e.getKind() == ElementKind.RESOURCE_VARIABLE
                        || e.getKind() == ElementKind.BINDING_VARIABLE) {
                    found.add(e.getSimpleName().toString());
                }
            }
        }
        FrameTarget target = prepared.target();
        if (target.receiver != null) {
            found.addAll(target.instanceFields);
            target.instanceMethods.forEach(m -> found.add(m + "("));
            found.add("this");
        }
        if (target.outer != null) {
            found.addAll(target.outer.fields());
            target.outer.methods().forEach(m -> found.add(m + "("));
        }
        prepared.declaredMethods().forEach(m -> found.add(m + "("));
        // The frame class's statics and those of its enclosing classes (imported by every unit).
        for (Class<?> c = target.frameClass; c != null; c = c.getEnclosingClass()) {
            TypeElement type = c.getCanonicalName() == null ? null
                    : task.getElements().getTypeElement(c.getCanonicalName());
            if (type == null) {
                continue;
            }
            for (Element member : task.getElements().getAllMembers(type)) {
                if (member.getModifiers().contains(Modifier.STATIC) && member.getKind() != ElementKind.STATIC_INIT
                        && trees.isAccessible(scope, member, (DeclaredType) type.asType())) {
                    found.add(render(member));
                }
            }
        }
        for (String helper : List.of("dump()", "dump(", "help(")) {
            found.add(helper);
        }
    }

    private static String render(Element member) {
        String name = member.getSimpleName().toString();
        if (member instanceof ExecutableElement method) {
            return name + (method.getParameters().isEmpty() ? "()" : "(");
        }
        return name;
    }
}
