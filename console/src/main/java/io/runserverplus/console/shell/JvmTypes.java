package io.runserverplus.console.shell;

/**
 * Converts JVM descriptors and generic signatures ({@code Ljava/util/List<Ljava/lang/String;>;},
 * {@code [I}, {@code TT;}) to source form, so the capture agent can hand over what the class file
 * says (LocalVariableTable descriptors, LocalVariableTypeTable signatures) without converting.
 */
final class JvmTypes {

    private final String sig;
    private int pos;

    private JvmTypes(String sig) {
        this.sig = sig;
    }

    /** The source form of a descriptor or signature; anything else is returned unchanged. */
    static String sourceForm(String type) {
        if (type == null || type.isEmpty() || !looksLikeDescriptor(type)) {
            return type;
        }
        try {
            JvmTypes parser = new JvmTypes(type);
            String result = parser.type();
            return parser.pos == type.length() ? result : type;
        } catch (RuntimeException e) {
            return type; // not a descriptor after all
        }
    }

    private static boolean looksLikeDescriptor(String t) {
        char c = t.charAt(0);
        return t.length() == 1 ? "ZBCSIJFD".indexOf(c) >= 0
                : c == '[' || (c == 'L' || c == 'T') && t.endsWith(";") && t.indexOf('.') < 0;
    }

    private String type() {
        char c = sig.charAt(pos++);
        return switch (c) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            case '[' -> type() + "[]";
            case 'T' -> until(';');
            case 'L' -> classType();
            default -> throw new IllegalArgumentException(sig);
        };
    }

    private String classType() {
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = sig.charAt(pos++);
            switch (c) {
                case '/', '$', '.' -> out.append('.'); // '.' separates an inner class of a generic outer
                case '<' -> out.append('<').append(typeArguments()).append('>');
                case ';' -> {
                    return out.toString();
                }
                default -> out.append(c);
            }
        }
    }

    private String typeArguments() {
        StringBuilder out = new StringBuilder();
        while (sig.charAt(pos) != '>') {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            char c = sig.charAt(pos);
            if (c == '*') {
                pos++;
                out.append('?');
            } else if (c == '+' || c == '-') {
                pos++;
                out.append(c == '+' ? "? extends " : "? super ").append(type());
            } else {
                out.append(type());
            }
        }
        pos++;
        return out.toString();
    }

    private String until(char end) {
        int i = sig.indexOf(end, pos);
        String s = sig.substring(pos, i);
        pos = i + 1;
        return s;
    }
}
