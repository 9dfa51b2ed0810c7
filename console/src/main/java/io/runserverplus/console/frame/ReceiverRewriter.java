package io.runserverplus.console.frame;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rewrites what the frame's code means by its receiver into what a unit (a static method of
 * another class in the frame's nest) must write: {@code this} becomes the receiver variable, a bare
 * name of one of the receiver's instance fields becomes {@code receiver.name}, and a bare call of
 * one of its instance methods becomes {@code receiver.name(...)}, unless the input or the console
 * binds that name itself (a local shadows a field, as in Java). Only names in expression positions
 * are touched: types, declarations and local classes are left alone.
 */
final class ReceiverRewriter extends TreeScanner<Void, Void> {

    /** The variable units hold the receiver in. */
    static final String RECEIVER = "$this";

    /**
     * What the frame's receiver offers and what shadows it.
     *
     * @param hasReceiver whether the frame has a {@code this}
     * @param fields the receiver's instance fields the frame's code may write unqualified
     * @param methods the receiver's instance methods likewise
     * @param bound the names the console binds (frame variables, declared variables, helpers)
     * @param declaredMethods methods the console declared (they hide the receiver's, as in JShell)
     */
    record Context(boolean hasReceiver, Set<String> fields, Set<String> methods, Set<String> bound,
                   Set<String> declaredMethods, Outer outer) {}

    /**
     * The enclosing instance of an inner class's frame: its simple class name (for {@code Outer.this})
     * and its instance fields and methods, which the frame's code may also write unqualified.
     */
    record Outer(String simpleName, Set<String> fields, Set<String> methods) {}

    /** The variable units hold the enclosing instance of an inner class's receiver in. */
    static final String OUTER = "$outer";

    private final FrameCompiler.Parse parse;
    private final int offset;
    private final int length;
    private final Context context;
    private final Set<String> declared;
    private final List<Edits.Edit> edits = new ArrayList<>();

    private ReceiverRewriter(FrameCompiler.Parse parse, int offset, int length, Context context, Set<String> declared) {
        this.parse = parse;
        this.offset = offset;
        this.length = length;
        this.context = context;
        this.declared = declared;
    }

    static Edits edits(FrameCompiler.Parse parse, int offset, int length, Context context, Set<String> declared) {
        if (!context.hasReceiver()) {
            return Edits.NONE;
        }
        ReceiverRewriter r = new ReceiverRewriter(parse, offset, length, context, declared);
        ClassTree wrapper = (ClassTree) parse.unit().getTypeDecls().get(0);
        for (Tree member : wrapper.getMembers()) {
            member.accept(r, null);
        }
        return new Edits(r.edits);
    }

    private int start(Tree t) {
        return (int) parse.positions().getStartPosition(parse.unit(), t) - offset;
    }

    private void edit(Tree t, int removed, String inserted) {
        int at = start(t);
        if (at >= 0 && at + removed <= length) {
            edits.add(new Edits.Edit(at, removed, inserted));
        }
    }

    private boolean shadowed(String name) {
        return declared.contains(name) || context.bound().contains(name);
    }

    @Override
    public Void visitIdentifier(IdentifierTree node, Void p) {
        String name = node.getName().toString();
        if (name.equals("this")) {
            edit(node, 4, RECEIVER);
        } else if (context.fields().contains(name) && !shadowed(name)) {
            edit(node, 0, RECEIVER + ".");
        } else if (context.outer() != null && context.outer().fields().contains(name) && !shadowed(name)) {
            edit(node, 0, OUTER + ".");
        }
        return null;
    }

    @Override
    public Void visitMemberSelect(com.sun.source.tree.MemberSelectTree node, Void p) {
        if (context.outer() != null && node.getIdentifier().contentEquals("this")
                && node.getExpression() instanceof IdentifierTree owner
                && owner.getName().contentEquals(context.outer().simpleName())) {
            int at = start(node);
            int end = (int) parse.positions().getEndPosition(parse.unit(), node) - offset;
            if (at >= 0 && end <= length) {
                edits.add(new Edits.Edit(at, end - at, OUTER)); // Outer.this
            }
            return null;
        }
        return super.visitMemberSelect(node, p);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
        if (node.getMethodSelect() instanceof IdentifierTree id) {
            String name = id.getName().toString();
            if (context.methods().contains(name) && !context.declaredMethods().contains(name)
                    && !declared.contains(name)) {
                edit(id, 0, RECEIVER + ".");
            } else if (context.outer() != null && context.outer().methods().contains(name)
                    && !context.declaredMethods().contains(name) && !declared.contains(name)) {
                edit(id, 0, OUTER + ".");
            }
        } else {
            scan(node.getMethodSelect(), p);
        }
        return scan(node.getArguments(), p);
    }

    @Override
    public Void visitVariable(VariableTree node, Void p) {
        return scan(node.getInitializer(), p);
    }

    @Override
    public Void visitMethod(MethodTree node, Void p) {
        return scan(node.getBody(), p);
    }

    @Override
    public Void visitClass(ClassTree node, Void p) {
        return null; // a local class: its own this and members
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void p) {
        scan(node.getEnclosingExpression(), p);
        return scan(node.getArguments(), p);
    }

    @Override
    public Void visitTypeCast(TypeCastTree node, Void p) {
        return scan(node.getExpression(), p);
    }

    @Override
    public Void visitInstanceOf(InstanceOfTree node, Void p) {
        return scan(node.getExpression(), p);
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void p) {
        return scan(node.getBody(), p);
    }

    @Override
    public Void visitCatch(CatchTree node, Void p) {
        return scan(node.getBlock(), p);
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void p) {
        scan(node.getExpression(), p);
        return scan(node.getStatement(), p);
    }

    @Override
    public Void visitCase(CaseTree node, Void p) {
        scan(node.getGuard(), p);
        scan(node.getStatements(), p);
        return scan(node.getBody(), p);
    }

    @Override
    public Void visitParameterizedType(ParameterizedTypeTree node, Void p) {
        return null;
    }

    @Override
    public Void visitArrayType(ArrayTypeTree node, Void p) {
        return null;
    }

    @Override
    public Void visitPrimitiveType(PrimitiveTypeTree node, Void p) {
        return null;
    }

    @Override
    public Void visitAnnotation(AnnotationTree node, Void p) {
        return null;
    }
}
