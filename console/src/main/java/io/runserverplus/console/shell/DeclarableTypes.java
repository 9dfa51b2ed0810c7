package io.runserverplus.console.shell;

import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the type a snippet declares a bound variable with: the declared type (generics kept) when
 * snippets can name it, else its nearest public supertype, else {@code Object}.
 */
final class DeclarableTypes {

    private static final Set<String> PRIMITIVES =
            Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");
    private static final Pattern NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$.]*");
    private static final String OBJECT = "java.lang.Object";

    private DeclarableTypes() {
    }

    static String declarable(String declaredType, Object value, ClassLoader loader) {
        String type = declaredType == null ? "" : JvmTypes.sourceForm(declaredType.strip());
        if (PRIMITIVES.contains(type)) {
            return value != null && isBox(type, value) ? type : OBJECT;
        }
        int lt = type.indexOf('<');
        String raw = (lt < 0 ? type : type.substring(0, lt)).strip();
        String generics = lt < 0 ? "" : type.substring(lt, type.lastIndexOf('>') + 1);
        String dims = "";
        if (lt < 0) {
            while (raw.endsWith("[]")) {
                raw = raw.substring(0, raw.length() - 2).strip();
                dims += "[]";
            }
        } else {
            dims = type.substring(type.lastIndexOf('>') + 1).replaceAll("[^\\[\\]]", "");
        }
        if (!dims.isEmpty() && PRIMITIVES.contains(raw)) {
            return value != null && value.getClass().getComponentType() != null ? raw + dims : OBJECT;
        }
        Class<?> declared = raw.isEmpty() ? null : load(raw, loader);
        if (declared == null || value != null && dims.isEmpty() && !declared.isInstance(value)) {
            return fromValue(value);
        }
        if (!accessible(declared)) {
            String supertype = nearestAccessible(declared);
            return dims.isEmpty() || !supertype.equals(OBJECT) ? supertype + dims : OBJECT;
        }
        String name = declared.getCanonicalName();
        return (genericsNameable(generics, loader) ? name + generics.replace('$', '.') : name) + dims;
    }

    private static String fromValue(Object value) {
        if (value == null) {
            return OBJECT;
        }
        Class<?> c = value.getClass();
        String dims = "";
        while (c.isArray()) {
            c = c.getComponentType();
            dims += "[]";
        }
        if (c.isPrimitive()) {
            return c.getName() + dims;
        }
        String name = accessible(c) ? c.getCanonicalName() : nearestAccessible(c);
        return dims.isEmpty() || !name.equals(OBJECT) ? name + dims : OBJECT;
    }

    /** Breadth first over superclasses and interfaces: the nearest type a snippet can name, with methods. */
    private static String nearestAccessible(Class<?> c) {
        Deque<Class<?>> queue = new ArrayDeque<>();
        queue.add(c);
        while (!queue.isEmpty()) {
            Class<?> t = queue.poll();
            // Marker interfaces (Serializable, RandomAccess) are public but useless to a console user.
            boolean marker = t.isInterface() && t.getMethods().length == 0;
            if (t != c && t != Object.class && !marker && accessible(t)) {
                return t.getCanonicalName();
            }
            if (t.getSuperclass() != null) {
                queue.add(t.getSuperclass());
            }
            queue.addAll(java.util.List.of(t.getInterfaces()));
        }
        return OBJECT;
    }

    /** Public, in public enclosing classes, named, and in a package exported to snippets. */
    static boolean accessible(Class<?> c) {
        if (c.isHidden() || c.isAnonymousClass() || c.isLocalClass() || c.getCanonicalName() == null) {
            return false;
        }
        for (Class<?> t = c; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return c.getModule().isExported(c.getPackageName());
    }

    private static boolean genericsNameable(String generics, ClassLoader loader) {
        Matcher m = NAME.matcher(generics);
        while (m.find()) {
            String n = m.group();
            if (n.equals("extends") || n.equals("super") || PRIMITIVES.contains(n)) {
                continue;
            }
            Class<?> c = load(n, loader);
            if (c == null && !n.contains(".")) {
                c = load("java.lang." + n, loader);
            }
            if (c == null || !accessible(c)) {
                return false; // e.g. a type variable T, or a private class: keep the raw type
            }
        }
        return true;
    }

    /** Loads a source-form name, trying {@code Outer.Inner} as {@code Outer$Inner} too. */
    private static Class<?> load(String name, ClassLoader loader) {
        String candidate = name;
        while (true) {
            try {
                return Class.forName(candidate, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    return null;
                }
                candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
            }
        }
    }

    private static boolean isBox(String primitive, Object value) {
        return switch (primitive) {
            case "boolean" -> value instanceof Boolean;
            case "byte" -> value instanceof Byte;
            case "char" -> value instanceof Character;
            case "short" -> value instanceof Short;
            case "int" -> value instanceof Integer;
            case "long" -> value instanceof Long;
            case "float" -> value instanceof Float;
            default -> value instanceof Double;
        };
    }
}
