package io.runserverplus.console.shell;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/**
 * What kind of snippet one unit of input is, read from its tokens (no parsing, no compilation): enough
 * to decide how the frame variables it uses can be declared inside it. A unit is one snippet as
 * JShell's completion analysis splits input. Works on {@link SourceScan#mask masked} source.
 *
 * <p>Misreading a unit only costs time, never changes its meaning: an {@link Form#EXPRESSION} is
 * compiled as the result of a {@code switch} expression, which does not compile unless it is one; a
 * {@link Form#STATEMENT} is recognised by a leading keyword that no declaration starts with; anything
 * else is a {@link Form#DECLARATION} or {@link Form#OTHER} and takes the path of real JShell variables.
 */
final class InputForm {

    enum Form {
        /** An expression (possibly void): compiled as {@code switch (0) { default -> { decls; yield input; } }}. */
        EXPRESSION,
        /** A call known to return nothing ({@code System.out.println(..)}, {@code dump()}, ...): a block. */
        VOID_CALL,
        /** A statement starting with a keyword ({@code for}, {@code if}, {@code try}, a block, ...): a block. */
        STATEMENT,
        /** A declaration of a variable, method, class or import: needs real JShell variables. */
        DECLARATION,
        /** Anything else (a labelled statement, {@code switch}, {@code return}, ...): real variables too. */
        OTHER
    }

    private static final Set<String> STATEMENT_KEYWORDS =
            Set.of("for", "while", "do", "if", "try", "synchronized", "throw", "assert");
    private static final Set<String> EXPRESSION_KEYWORDS = Set.of("new", "this", "super", "true", "false", "null");
    /** Contextual keywords that start declarations ({@code record R(int a) {}}, {@code sealed interface I {}}). */
    private static final Set<String> DECLARATION_WORDS = Set.of("var", "record", "sealed", "non");
    private static final Pattern VOID_CALL = Pattern.compile(
            "(System\\s*\\.\\s*(out|err)\\s*\\.\\s*(println|print)|Thread\\s*\\.\\s*sleep|dump|help)\\s*\\(");

    private InputForm() {
    }

    static Form of(String masked) {
        int start = skipSpace(masked, 0);
        if (start >= masked.length()) {
            return Form.OTHER;
        }
        char c = masked.charAt(start);
        if (c == '{') {
            return Form.STATEMENT;
        }
        if (c == '@' || c == '<') {
            return Form.DECLARATION; // an annotation or a generic method's type parameters
        }
        if (!Character.isJavaIdentifierStart(c)) {
            return Form.EXPRESSION; // a literal, a cast or parenthesis, a unary operator
        }
        int wordEnd = identifierEnd(masked, start);
        String first = masked.substring(start, wordEnd);
        if (STATEMENT_KEYWORDS.contains(first)) {
            return Form.STATEMENT;
        }
        if (EXPRESSION_KEYWORDS.contains(first)) {
            return Form.EXPRESSION;
        }
        if (DECLARATION_WORDS.contains(first) || isDeclarationKeyword(first)) {
            return Form.DECLARATION; // primitives, modifiers, class, interface, enum, import, void, var, record
        }
        if (SourceVersion.isKeyword(first)) {
            return Form.OTHER; // switch, return, break, ...
        }
        int typeEnd = typeEnd(masked, start);
        if (typeEnd > 0) {
            int name = skipSpace(masked, typeEnd);
            boolean separated = name > typeEnd || masked.charAt(typeEnd - 1) == '>' || masked.charAt(typeEnd - 1) == ']';
            if (separated && name < masked.length() && Character.isJavaIdentifierStart(masked.charAt(name))) {
                String word = masked.substring(name, identifierEnd(masked, name));
                if (!SourceVersion.isKeyword(word)) {
                    return Form.DECLARATION; // "Type name": a variable or a method
                }
            }
        }
        if (isLabel(masked, start)) {
            return Form.OTHER; // "outer: for (...)"
        }
        Matcher m = VOID_CALL.matcher(masked).region(start, masked.length());
        if (m.lookingAt()) {
            int close = matching(masked, m.end() - 1);
            if (close > 0 && skipSpaceAndSemicolon(masked, close + 1) == masked.length()) {
                return Form.VOID_CALL;
            }
        }
        return Form.EXPRESSION;
    }

    /**
     * For a declaration of one variable with an initializer ({@code [final] Type name = init} or
     * {@code var name = init}), the position where the initializer starts and the declared name; else null.
     */
    static Initializer initializer(String masked) {
        int i = skipSpace(masked, 0);
        if (masked.startsWith("final", i) && identifierEnd(masked, i) == i + 5) {
            i = skipSpace(masked, i + 5);
        }
        if (i >= masked.length() || !Character.isJavaIdentifierStart(masked.charAt(i))) {
            return null;
        }
        int typeEnd = typeEnd(masked, i);
        if (typeEnd < 0) {
            return null;
        }
        int name = skipSpace(masked, typeEnd);
        if (name == typeEnd && masked.charAt(typeEnd - 1) != '>' && masked.charAt(typeEnd - 1) != ']'
                || name >= masked.length() || !Character.isJavaIdentifierStart(masked.charAt(name))) {
            return null;
        }
        int nameEnd = identifierEnd(masked, name);
        String declared = masked.substring(name, nameEnd);
        int eq = skipSpace(masked, nameEnd);
        if (SourceVersion.isKeyword(declared) || eq >= masked.length() || masked.charAt(eq) != '='
                || eq + 1 < masked.length() && masked.charAt(eq + 1) == '=') {
            return null;
        }
        int value = skipSpace(masked, eq + 1);
        if (value < masked.length() && masked.charAt(value) == '{') {
            return null; // an array initializer is no expression
        }
        int depth = 0;
        int last = masked.length();
        while (last > eq && Character.isWhitespace(masked.charAt(last - 1))) {
            last--;
        }
        for (int k = eq + 1; k < last; k++) {
            char c = masked.charAt(k);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ';' && k != last - 1)) {
                return null; // several declarators (or generic arguments: undecided, so not this way)
            }
        }
        return new Initializer(eq + 1, declared);
    }

    /** Where a variable declaration's initializer starts, and the variable's name. */
    record Initializer(int start, String name) {
    }

    /** Which of {@code names} the unit assigns ({@code =}, compound assignment, {@code ++}, {@code --}). */
    static Set<String> assigned(String masked, Collection<String> names) {
        Set<String> out = new LinkedHashSet<>();
        if (names.isEmpty()) {
            return out;
        }
        String alternatives = names.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        Pattern p = Pattern.compile("(?<![\\w$.])(" + alternatives + ")\\s*(?:=(?!=)|[-+*/%&|^]=|<<=|>>>?=|\\+\\+|--)"
                + "|(?:\\+\\+|--)\\s*(" + alternatives + ")(?![\\w$])");
        Matcher m = p.matcher(masked);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    /**
     * The unit without the semicolon that ends it (JShell's completion analysis adds one), for use as
     * an expression; its length and positions are otherwise unchanged up to that semicolon.
     */
    static String withoutFinalSemicolon(String unit, String masked) {
        int last = masked.length() - 1;
        while (last >= 0 && Character.isWhitespace(masked.charAt(last))) {
            last--;
        }
        return last >= 0 && masked.charAt(last) == ';' ? unit.substring(0, last) + unit.substring(last + 1) : unit;
    }

    private static boolean isDeclarationKeyword(String word) {
        return switch (word) {
            case "boolean", "byte", "char", "short", "int", "long", "float", "double", "void", "class", "interface",
                 "enum", "import", "public", "protected", "private", "static", "final", "abstract", "native",
                 "transient", "volatile", "strictfp", "default" -> true;
            default -> false;
        };
    }

    /** The end of a type at {@code i}: {@code a.b.C<..>[]}, or -1 when none is there. */
    private static int typeEnd(String s, int i) {
        int end = identifierEnd(s, i);
        while (true) {
            int dot = skipSpace(s, end);
            if (dot < s.length() && s.charAt(dot) == '.') {
                int next = skipSpace(s, dot + 1);
                if (next >= s.length() || !Character.isJavaIdentifierStart(s.charAt(next))) {
                    return -1; // "a." followed by "<T>m()", "class", ...: not a type
                }
                end = identifierEnd(s, next);
            } else {
                break;
            }
        }
        int lt = skipSpace(s, end);
        if (lt < s.length() && s.charAt(lt) == '<') {
            int depth = 0;
            int k = lt;
            for (; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == '<') {
                    depth++;
                } else if (c == '>') {
                    if (--depth == 0) {
                        break;
                    }
                } else if (!(Character.isJavaIdentifierPart(c) || Character.isWhitespace(c) || ",.?&[]@".indexOf(c) >= 0)
                        || s.startsWith("&&", k)) {
                    return -1; // "a < b + c", "a < b && c > d": comparisons
                }
            }
            if (depth != 0) {
                return -1;
            }
            end = k + 1;
        }
        while (true) {
            int open = skipSpace(s, end);
            if (open < s.length() && s.charAt(open) == '[') {
                int close = skipSpace(s, open + 1);
                if (close < s.length() && s.charAt(close) == ']') {
                    end = close + 1;
                    continue;
                }
            }
            return end;
        }
    }

    /** Whether the unit starts with a label ({@code name:} but not {@code name::}). */
    private static boolean isLabel(String s, int start) {
        int after = skipSpace(s, identifierEnd(s, start));
        return after < s.length() && s.charAt(after) == ':' && (after + 1 >= s.length() || s.charAt(after + 1) != ':');
    }

    /** The position of the parenthesis closing the one at {@code open}, or -1. */
    private static int matching(String s, int open) {
        int depth = 0;
        for (int k = open; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    private static int identifierEnd(String s, int i) {
        int k = i;
        while (k < s.length() && Character.isJavaIdentifierPart(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int skipSpace(String s, int i) {
        int k = i;
        while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int skipSpaceAndSemicolon(String s, int i) {
        int k = skipSpace(s, i);
        if (k < s.length() && s.charAt(k) == ';') {
            k = skipSpace(s, k + 1);
        }
        return k;
    }
}
