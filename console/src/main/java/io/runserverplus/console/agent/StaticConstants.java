package io.runserverplus.console.agent;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The values the application's classes give their static fields ({@code static final String
 * SUFFIX = "!"}: the field's ConstantValue attribute), as first defined. The JVM sets them once,
 * when it prepares the class, and a redefinition keeps the values the fields hold: a hot swap of a
 * new constant would leave the old one in the running class while the recompiled classes that
 * copied it use the new one. So a hot swap that changes one restarts the app instead.
 */
final class StaticConstants {

    /** By loader (weakly) and class name with slashes; classes without constants have an empty map. */
    private final Map<ClassLoader, Map<String, Map<String, Object>>> defined =
            Collections.synchronizedMap(new WeakHashMap<>());
    private final boolean recording;

    /** {@code recording}: whether {@link #record} keeps anything (reading every class costs its load time). */
    StaticConstants(boolean recording) {
        this.recording = recording;
    }

    /** Recording only in an app JVM that takes hot swaps. */
    static StaticConstants forThisJvm() {
        String hotSwaps = System.getenv(HotSwapReceiver.DIRECTORY_ENV);
        return new StaticConstants(hotSwaps != null && !hotSwaps.isBlank());
    }

    /** At a class's first definition (a hot swap never changes them: see {@link #changedBy}). */
    void record(ClassLoader loader, String className, byte[] classFile) {
        if (!recording) {
            return;
        }
        Map<String, Object> constants = readable(classFile);
        if (constants != null) {
            defined.computeIfAbsent(loader, l -> new ConcurrentHashMap<>()).put(className, constants);
        }
    }

    /**
     * Whether redefining the class with {@code classFile} would leave a static constant as it was.
     * A class not recorded, or bytes ASM cannot read, are left to the JVM.
     */
    boolean changedBy(ClassLoader loader, String className, byte[] classFile) {
        Map<String, Map<String, Object>> classes = defined.get(loader);
        Map<String, Object> before = classes == null ? null : classes.get(className);
        Map<String, Object> after = readable(classFile);
        return before != null && after != null && !before.equals(after);
    }

    private static Map<String, Object> readable(byte[] classFile) {
        try {
            Map<String, Object> constants = of(classFile);
            return constants.isEmpty() ? Map.of() : constants;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The constant of each static field that has one, by name and descriptor. */
    static Map<String, Object> of(byte[] classFile) {
        Map<String, Object> constants = new HashMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                if ((access & Opcodes.ACC_STATIC) != 0 && value != null) {
                    constants.put(name + " " + descriptor, value);
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return constants;
    }
}
