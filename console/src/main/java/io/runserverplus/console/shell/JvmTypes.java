package io.runserverplus.console.shell;

import io.runserverplus.console.agent.SignatureText;

/**
 * Declarable source form of a type the binder is given: JVM descriptors and generic signatures
 * ({@code Ljava/util/List<Ljava/lang/String;>;}, {@code [I}, {@code TT;}) go through the capture
 * agent's converter, with nested classes written {@code Outer.Inner} so a declaration compiles;
 * anything that does not look like a descriptor is already source form and is left alone.
 */
final class JvmTypes {
    private JvmTypes() {
    }

    /** The source form of a descriptor or signature; anything else is returned unchanged. */
    static String sourceForm(String type) {
        if (type == null || type.isEmpty() || !looksLikeDescriptor(type)) {
            return type;
        }
        String java = SignatureText.toJava(type);
        return java.equals(type) ? type : java.replace('$', '.');
    }

    private static boolean looksLikeDescriptor(String t) {
        char c = t.charAt(0);
        return t.length() == 1 ? "ZBCSIJFD".indexOf(c) >= 0
                : c == '[' || (c == 'L' || c == 'T') && t.endsWith(";") && t.indexOf('.') < 0;
    }
}
