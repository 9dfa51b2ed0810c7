package io.runserverplus.console.shell;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.TreeSet;

/** The members of a class that code of another class may use, as {@code help(x)} lists them. */
public final class MemberAccess {

    private MemberAccess() {
    }

    /**
     * The fields and methods of {@code c} (declared or inherited, {@code Object}'s left out) that code
     * of {@code context} may use; only static ones when {@code staticOnly}. Sorted, fields first.
     */
    public static List<String> usableMembers(Class<?> c, Class<?> context, boolean staticOnly) {
        Map<String, String> fields = new LinkedHashMap<>();
        TreeSet<String> methods = new TreeSet<>();
        for (Class<?> t = c; t != null && t != Object.class; t = t.getSuperclass()) {
            for (Field f : t.getDeclaredFields()) {
                if (!f.isSynthetic() && usable(f, t, c, context, staticOnly)) {
                    fields.putIfAbsent(f.getName(), (Modifier.isStatic(f.getModifiers()) ? "static " : "")
                            + f.getGenericType().getTypeName() + " " + f.getName());
                }
            }
            for (Method m : t.getDeclaredMethods()) {
                if (!m.isSynthetic() && !m.isBridge() && usable(m, t, c, context, staticOnly)) {
                    methods.add(signature(m));
                }
            }
        }
        for (Class<?> i : c.getInterfaces()) {
            for (Method m : i.getMethods()) {
                if (!staticOnly || Modifier.isStatic(m.getModifiers())) {
                    methods.add(signature(m));
                }
            }
        }
        TreeSet<String> sortedFields = new TreeSet<>(fields.values());
        return java.util.stream.Stream.concat(sortedFields.stream(), methods.stream()).toList();
    }

    private static boolean usable(Member m, Class<?> declaring, Class<?> of, Class<?> context, boolean staticOnly) {
        int mod = m.getModifiers();
        if (staticOnly && !Modifier.isStatic(mod)) {
            return false;
        }
        if (Modifier.isPrivate(mod)) {
            // Private members are not inherited: only those of the class itself, from its nest.
            return declaring == of && declaring.getNestHost() == context.getNestHost();
        }
        boolean samePackage = declaring.getPackageName().equals(context.getPackageName())
                && declaring.getClassLoader() == context.getClassLoader();
        if (Modifier.isPublic(mod) || samePackage) {
            return true;
        }
        return Modifier.isProtected(mod) && declaring.isAssignableFrom(context);
    }

    /** A method as help(x) lists it: static, return type, name, parameter types. */
    public static String signature(Method m) {
        return (Modifier.isStatic(m.getModifiers()) ? "static " : "") + m.getGenericReturnType().getTypeName()
                + " " + m.getName() + "(" + Arrays.stream(m.getGenericParameterTypes())
                .map(t -> t.getTypeName()).collect(Collectors.joining(", ")) + ")";
    }
}
