package io.runserverplus.console.frame;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells what one unit of input is (an import, a method, a type, a variable declaration, an
 * expression or a statement) with javac's parser, and rewrites it for the frame (see
 * {@link ReceiverRewriter}).
 */
final class UnitParser {

    /** {@code CALL}: an expression that is a method call, which may be void. */
    enum Kind { IMPORT, METHOD, TYPE, VAR, EXPRESSION, CALL, STATEMENT }

    /**
     * One parsed unit.
     *
     * @param text the unit rewritten for the frame (for an expression: without its final semicolon)
     * @param edits how {@code text} differs from the input, to map positions back
     * @param names for VAR: the variables declared; for METHOD: the methods; for TYPE: the type
     * @param declared every name the unit declares anywhere (variables, parameters, methods, classes)
     */
    record Parsed(Kind kind, String text, Edits edits, List<String> names, Set<String> declared) {}

    private static final Pattern LOCAL_VAR = Pattern.compile("^(\\s*(?:final\\s+)?)var(\\s)");
    private static final Pattern IMPORT = Pattern.compile("(?s)\\s*import\\s.*");
    private static final String MEMBER_PREFIX = "class $W {\n";
    private static final String EXPRESSION_PREFIX = "class $W { Object $v = (\n";
    private static final String STATEMENT_PREFIX = "class $W { void $m() {\n";

    private final FrameCompiler compiler;

    UnitParser(FrameCompiler compiler) {
        this.compiler = compiler;
    }

    /**
     * Parses {@code unit}; {@code rewriter} says which bare names mean the receiver's members (null:
     * no rewriting, e.g. for a type declaration).
     */
    Parsed parse(String unit, ReceiverRewriter.Context context) {
        if (IMPORT.matcher(io.runserverplus.console.shell.SourceScan.code(unit)).matches()) {
            return new Parsed(Kind.IMPORT, unit.strip(), Edits.NONE, List.of(), Set.of());
        }
        String expression = withoutFinalSemicolon(unit);
        FrameCompiler.Parse asExpression = parse(EXPRESSION_PREFIX + expression + "\n); }");
        if (asExpression.clean() && !(members(asExpression).get(0) instanceof BlockTree)) {
            VariableTree holder = (VariableTree) members(asExpression).get(0);
            Tree value = holder.getInitializer() instanceof com.sun.source.tree.ParenthesizedTree p ? p.getExpression()
                    : holder.getInitializer();
            Kind kind = value instanceof com.sun.source.tree.MethodInvocationTree ? Kind.CALL : Kind.EXPRESSION;
            return rewritten(kind, expression, asExpression, EXPRESSION_PREFIX.length(), context, List.of());
        }
        String trimmed = unit.strip();
        // JShell's splitter leaves the semicolon off a declaration typed without one.
        String asMember = trimmed.endsWith(";") || trimmed.endsWith("}") ? unit : unit + ";";
        // A field may not be declared with var: parse "var x = ..." as "Var x = ..." (same length).
        String memberText = LOCAL_VAR.matcher(asMember).replaceFirst("$1Var$2");
        FrameCompiler.Parse member = parse(MEMBER_PREFIX + memberText + "\n}");
        if (member.clean()) {
            ClassTree holder = (ClassTree) member.unit().getTypeDecls().get(0);
            List<? extends Tree> members = holder.getMembers();
            if (!members.isEmpty() && members.stream().allMatch(m -> m instanceof MethodTree)) {
                return rewritten(Kind.METHOD, unit, member, MEMBER_PREFIX.length(), context,
                        members.stream().map(m -> ((MethodTree) m).getName().toString()).toList());
            }
            if (members.size() == 1 && members.get(0) instanceof ClassTree type) {
                return new Parsed(Kind.TYPE, unit, Edits.NONE, List.of(type.getSimpleName().toString()), Set.of());
            }
            if (!members.isEmpty() && members.stream().allMatch(m -> m instanceof VariableTree)) {
                return rewritten(Kind.VAR, asMember, member, MEMBER_PREFIX.length(), context,
                        members.stream().map(m -> ((VariableTree) m).getName().toString()).toList());
            }
        }
        FrameCompiler.Parse statement = parse(STATEMENT_PREFIX + unit + "\n} }");
        return rewritten(Kind.STATEMENT, unit, statement, STATEMENT_PREFIX.length(), context, List.of());
    }

    /**
     * Whether {@code source} is one unit (an expression, one declaration or one statement), so it
     * needs no splitting. The parses are kept for {@link #parse} of the same text.
     */
    boolean isSingleUnit(String source) {
        if (IMPORT.matcher(io.runserverplus.console.shell.SourceScan.code(source)).matches()) {
            return false;
        }
        String expression = withoutFinalSemicolon(source);
        FrameCompiler.Parse asExpression = parse(EXPRESSION_PREFIX + expression + "\n); }");
        if (asExpression.clean() && !(members(asExpression).get(0) instanceof BlockTree)) {
            return true;
        }
        String trimmed = source.strip();
        String asMember = trimmed.endsWith(";") || trimmed.endsWith("}") ? source : source + ";";
        FrameCompiler.Parse member = parse(MEMBER_PREFIX + LOCAL_VAR.matcher(asMember).replaceFirst("$1Var$2") + "\n}");
        if (member.clean()) {
            return members(member).size() == 1;
        }
        FrameCompiler.Parse statement = parse(STATEMENT_PREFIX + source + "\n} }");
        if (!statement.clean()) {
            return false;
        }
        MethodTree m = (MethodTree) members(statement).get(0);
        return m.getBody().getStatements().size() == 1;
    }

    /** The last few parses, by text: {@link #isSingleUnit} and {@link #parse} of one input share them. */
    private final Map<String, FrameCompiler.Parse> recent = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FrameCompiler.Parse> eldest) {
            return size() > 6;
        }
    };

    private synchronized FrameCompiler.Parse parse(String text) {
        FrameCompiler.Parse p = recent.get(text);
        if (p == null) {
            p = compiler.parse(text);
            recent.put(text, p);
        }
        return p;
    }

    private static List<? extends Tree> members(FrameCompiler.Parse parse) {
        return ((ClassTree) parse.unit().getTypeDecls().get(0)).getMembers();
    }

    private static Parsed rewritten(Kind kind, String text, FrameCompiler.Parse parse, int offset,
                                    ReceiverRewriter.Context context, List<String> names) {
        Set<String> declared = declaredNames(parse.unit());
        declared.remove("$W");
        declared.remove("$m");
        declared.remove("$v");
        if (context == null) {
            return new Parsed(kind, text, Edits.NONE, names, declared);
        }
        Edits edits = ReceiverRewriter.edits(parse, offset, text.length(), context, declared);
        return new Parsed(kind, edits.apply(text), edits, names, declared);
    }

    /** Every name the tree declares: variables, parameters, methods, classes. */
    static Set<String> declaredNames(Tree tree) {
        Set<String> names = new HashSet<>();
        tree.accept(new TreeScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree node, Void p) {
                names.add(node.getName().toString());
                return super.visitVariable(node, p);
            }

            @Override
            public Void visitMethod(MethodTree node, Void p) {
                names.add(node.getName().toString());
                return super.visitMethod(node, p);
            }

            @Override
            public Void visitClass(ClassTree node, Void p) {
                names.add(node.getSimpleName().toString());
                return super.visitClass(node, p);
            }
        }, null);
        return names;
    }

    static String withoutFinalSemicolon(String unit) {
        String code = io.runserverplus.console.shell.SourceScan.mask(unit);
        int end = code.length();
        while (end > 0 && Character.isWhitespace(code.charAt(end - 1))) {
            end--;
        }
        return end > 0 && code.charAt(end - 1) == ';' ? unit.substring(0, end - 1) : unit;
    }
}
