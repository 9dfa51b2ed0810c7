package io.runserverplus.console.agent;

/**
 * Turns a field descriptor or generic signature into the type as written in Java source (nested
 * classes keep their {@code $}). The console's binder uses it too.
 */
public final class SignatureText {
    private final String text;
    private int at;

    private SignatureText(String text) {
        this.text = text;
    }

    /** {@code [I} → {@code int[]}; {@code Ljava/util/List<Ljava/lang/String;>;} → {@code java.util.List<java.lang.String>}. */
    public static String toJava(String signature) {
        try {
            SignatureText parser = new SignatureText(signature);
            String type = parser.type();
            return parser.at == signature.length() ? type : signature;
        } catch (RuntimeException e) {
            return signature; // unexpected syntax: the raw text still says something
        }
    }

    private String type() {
        char c = text.charAt(at++);
        return switch (c) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'V' -> "void";
            case '[' -> type() + "[]";
            case 'T' -> until(';');
            case 'L' -> classType();
            default -> throw new IllegalArgumentException(text);
        };
    }

    private String classType() {
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(at++);
            switch (c) {
                case '/' -> out.append('.');
                case '.', '$' -> out.append(c == '.' ? '.' : '$');
                case ';' -> {
                    return out.toString();
                }
                case '<' -> {
                    out.append('<');
                    boolean first = true;
                    while (text.charAt(at) != '>') {
                        out.append(first ? "" : ", ");
                        first = false;
                        char w = text.charAt(at);
                        if (w == '*') {
                            at++;
                            out.append('?');
                        } else if (w == '+' || w == '-') {
                            at++;
                            out.append(w == '+' ? "? extends " : "? super ").append(type());
                        } else {
                            out.append(type());
                        }
                    }
                    at++;
                    out.append('>');
                }
                default -> out.append(c);
            }
        }
    }

    private String until(char end) {
        int stop = text.indexOf(end, at);
        String name = text.substring(at, stop);
        at = stop + 1;
        return name;
    }
}
