package io.runserverplus.console.frame;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The class a frame's console compiles into: the frame's class, its receiver ({@code this}, or
 * {@code null} in a static frame), what its code may write unqualified (instance fields and methods,
 * through the receiver), the imports that give its statics and nested classes by simple name, and
 * the lookup that defines units as its nestmates.
 */
final class FrameTarget {

    final Class<?> frameClass;
    final Object receiver;
    final MethodHandles.Lookup lookup;
    final String packageName;
    /** Imports every unit starts with: the frame's enclosing classes' statics and member types. */
    final List<String> nestImports;
    /** The frame's source file's own imports, when its source was found. */
    final List<String> sourceImports;
    final Set<String> instanceFields;
    final Set<String> instanceMethods;
    /** The relaxed class files of the frame's nest (see {@link RelaxedClasses}). */
    final Map<String, byte[]> relaxedNest;
    final FrameTypes types;
    /** The receiver's enclosing instance when the frame's class is an inner class, else {@code null}. */
    final Object outerInstance;
    final ReceiverRewriter.Outer outer;

    private FrameTarget(Class<?> frameClass, Object receiver, MethodHandles.Lookup lookup, List<String> sourceImports) {
        this.frameClass = frameClass;
        this.receiver = receiver;
        this.lookup = lookup;
        this.packageName = frameClass.getPackageName();
        this.sourceImports = sourceImports;
        this.nestImports = nestImports(frameClass);
        this.instanceFields = receiver == null ? Set.of() : instanceFields(frameClass);
        this.instanceMethods = receiver == null ? Set.of() : instanceMethods(frameClass);
        this.relaxedNest = RelaxedClasses.ofNest(frameClass);
        this.types = new FrameTypes(frameClass);
        Class<?> enclosing = frameClass.getEnclosingClass();
        Object outerValue = receiver == null || enclosing == null || Modifier.isStatic(frameClass.getModifiers())
                || enclosing.getCanonicalName() == null ? null : enclosingInstance(frameClass, enclosing, receiver);
        this.outerInstance = outerValue;
        this.outer = outerValue == null ? null : new ReceiverRewriter.Outer(enclosing.getSimpleName(),
                instanceFields(enclosing), instanceMethods(enclosing));
    }

    /** The value of the inner class's synthetic field holding its enclosing instance ({@code this$0}). */
    private static Object enclosingInstance(Class<?> inner, Class<?> enclosing, Object receiver) {
        for (Field f : inner.getDeclaredFields()) {
            if (f.isSynthetic() && f.getType() == enclosing && f.getName().startsWith("this$")) {
                try {
                    return f.trySetAccessible() ? f.get(receiver) : null;
                } catch (IllegalAccessException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The target of the frame of class {@code className} whose receiver is {@code receiver}; empty
     * when the class cannot be found or its package is not open to the console (a JDK frame).
     */
    static Optional<FrameTarget> of(String className, Object receiver, ClassLoader appLoader, String source) {
        Class<?> frameClass = null;
        for (Class<?> c = receiver == null ? null : receiver.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                frameClass = c;
                break;
            }
        }
        if (frameClass == null) {
            try {
                frameClass = Class.forName(className, false, appLoader);
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.empty();
            }
        }
        if (frameClass.getClassLoader() == null || frameClass.isHidden() || frameClass.isArray()
                || frameClass.isPrimitive()) {
            return Optional.empty();
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(frameClass, MethodHandles.lookup());
            Object self = frameClass.isInstance(receiver) ? receiver : null;
            return Optional.of(new FrameTarget(frameClass, self, lookup, SourceImports.of(source)));
        } catch (IllegalAccessException | RuntimeException e) {
            return Optional.empty(); // a named module that does not open its package to us
        }
    }

    /** {@code import static p.Outer.*; import p.Outer.*;} for the frame class and each enclosing class. */
    private static List<String> nestImports(Class<?> frameClass) {
        List<String> imports = new ArrayList<>();
        if (frameClass.getPackageName().isEmpty()) {
            return imports; // nothing can be imported from the unnamed package
        }
        for (Class<?> c = frameClass; c != null; c = c.getEnclosingClass()) {
            String name = c.getCanonicalName();
            if (name != null) {
                imports.add("import static " + name + ".*;");
                imports.add("import " + name + ".*;");
            }
        }
        return imports;
    }

    private static Set<String> instanceFields(Class<?> frameClass) {
        Set<String> names = new HashSet<>();
        for (Class<?> c = frameClass; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()
                        && (c == frameClass || inherited(f.getModifiers(), c, frameClass))) {
                    names.add(f.getName());
                }
            }
        }
        return names;
    }

    private static Set<String> instanceMethods(Class<?> frameClass) {
        Set<String> names = new HashSet<>();
        for (Class<?> c = frameClass; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()
                        && (c == frameClass || inherited(m.getModifiers(), c, frameClass))) {
                    names.add(m.getName());
                }
            }
        }
        return names;
    }

    /** Whether a member of superclass {@code owner} with {@code modifiers} is inherited by {@code frameClass}. */
    private static boolean inherited(int modifiers, Class<?> owner, Class<?> frameClass) {
        if (Modifier.isPrivate(modifiers)) {
            return false;
        }
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)
                || owner.getPackageName().equals(frameClass.getPackageName());
    }
}
