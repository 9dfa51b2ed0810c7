package io.runserverplus.console.frame;

import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type a unit declares a bound variable with, as the frame's code could write it: the declared
 * type, generics kept, when code in the frame's package (and nest) may name it; else the nearest
 * supertype it may name, with a note saying so.
 */
final class FrameTypes {

    private static final Set<String> PRIMITIVES =
            Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");
    private static final Pattern NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$.]*");
    private static final String OBJECT = "java.lang.Object";

    /** A declarable type, and why it is not the declared one (or {@code null}). */
    record Declared(String type, String note) {}

    private final Class<?> frameClass;
    private final ClassLoader loader;

    FrameTypes(Class<?> frameClass) {
        this.frameClass = frameClass;
        ClassLoader l = frameClass.getClassLoader();
        this.loader = l != null ? l : ClassLoader.getSystemClassLoader();
    }

    Declared declarable(String name, String declaredType, Object value) {
        String type = declaredType == null ? "" : sourceForm(declaredType.strip());
        if (PRIMITIVES.contains(type)) {
            return new Declared(value != null && isBox(type, value) ? type : OBJECT, null);
        }
        int lt = type.indexOf('<');
        String raw = (lt < 0 ? type : type.substring(0, lt)).strip();
        String generics = lt < 0 ? "" : type.substring(lt, type.lastIndexOf('>') + 1);
        String dims = type.substring(lt < 0 ? raw.length() : type.lastIndexOf('>') + 1).replaceAll("[^\\[\\]]", "");
        if (lt < 0) {
            raw = raw.replace("[]", "").strip();
        }
        if (!dims.isEmpty() && PRIMITIVES.contains(raw)) {
            return new Declared(value == null || value.getClass().isArray() ? raw + dims : OBJECT, null);
        }
        Class<?> declared = raw.isEmpty() ? null : load(raw);
        if (declared == null || value != null && dims.isEmpty() && !declared.isInstance(value)) {
            return fromValue(name, value);
        }
        if (!accessible(declared)) {
            String supertype = nearestAccessible(declared);
            return new Declared(dims.isEmpty() || !supertype.equals(OBJECT) ? supertype + dims : OBJECT,
                    note(name, declared, supertype));
        }
        String canonical = declared.getCanonicalName();
        return new Declared((genericsNameable(generics) ? canonical + generics.replace('$', '.') : canonical) + dims,
                null);
    }

    /** The type of a value whose declared type is unknown: its class, or the nearest nameable supertype. */
    Declared fromValue(String name, Object value) {
        if (value == null) {
            return new Declared(OBJECT, null);
        }
        Class<?> c = value.getClass();
        String dims = "";
        while (c.isArray()) {
            c = c.getComponentType();
            dims += "[]";
        }
        if (c.isPrimitive()) {
            return new Declared(c.getName() + dims, null);
        }
        if (accessible(c)) {
            return new Declared(c.getCanonicalName() + dims, null);
        }
        String supertype = nearestAccessible(c);
        return new Declared(dims.isEmpty() || !supertype.equals(OBJECT) ? supertype + dims : OBJECT,
                c.isHidden() || c.isAnonymousClass() || c.isSynthetic() ? null : note(name, c, supertype));
    }

    private String note(String name, Class<?> type, String supertype) {
        return "`" + name + "` is bound as " + supertype + ": its type " + type.getName()
                + " cannot be named from package " + frameClass.getPackageName() + ".";
    }

    /** Breadth first over superclasses and interfaces: the nearest type the frame may name, with methods. */
    private String nearestAccessible(Class<?> c) {
        Deque<Class<?>> queue = new ArrayDeque<>();
        queue.add(c);
        while (!queue.isEmpty()) {
            Class<?> t = queue.poll();
            boolean marker = t.isInterface() && t.getMethods().length == 0;
            if (t != c && t != Object.class && !marker && accessible(t)) {
                return t.getCanonicalName();
            }
            if (t.getSuperclass() != null) {
                queue.add(t.getSuperclass());
            }
            queue.addAll(List.of(t.getInterfaces()));
        }
        return OBJECT;
    }

    /** Whether code of the frame's class may name {@code c} (its nest's private classes included). */
    boolean accessible(Class<?> c) {
        if (c.isPrimitive()) {
            return true;
        }
        if (c.isHidden() || c.isAnonymousClass() || c.isLocalClass() || c.getCanonicalName() == null) {
            return false;
        }
        boolean samePackage = c.getPackageName().equals(frameClass.getPackageName())
                && c.getClassLoader() == frameClass.getClassLoader();
        for (Class<?> t = c; t != null; t = t.getEnclosingClass()) {
            int m = t.getModifiers();
            if (Modifier.isPrivate(m) ? t.getNestHost() != frameClass.getNestHost()
                    : !Modifier.isPublic(m) && !samePackage) {
                return false;
            }
        }
        return samePackage || c.getModule().isExported(c.getPackageName());
    }

    private boolean genericsNameable(String generics) {
        Matcher m = NAME.matcher(generics);
        while (m.find()) {
            String n = m.group();
            if (n.equals("extends") || n.equals("super") || PRIMITIVES.contains(n)) {
                continue;
            }
            Class<?> c = load(n);
            if (c == null && !n.contains(".")) {
                c = load("java.lang." + n);
            }
            if (c == null || !accessible(c)) {
                return false; // e.g. a type variable T, or a private class elsewhere: keep the raw type
            }
        }
        return true;
    }

    /** Loads a source-form or binary name, trying {@code Outer.Inner} as {@code Outer$Inner} too. */
    Class<?> load(String name) {
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

    private static String sourceForm(String type) {
        char c = type.isEmpty() ? ' ' : type.charAt(0);
        boolean descriptor = type.length() == 1 ? "ZBCSIJFD".indexOf(c) >= 0
                : c == '[' || (c == 'L' || c == 'T') && type.endsWith(";") && type.indexOf('.') < 0;
        return descriptor ? io.runserverplus.console.agent.SignatureText.toJava(type) : type;
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
