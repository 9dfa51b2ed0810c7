package io.runserverplus.console.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instruments application classes only: those loaded from a directory (the app's build output),
 * plus configured packages. The JDK, jars (frameworks, libraries) and RunServerPlus itself are left
 * alone unless configured. Never throws: a class that fails is loaded unchanged.
 */
final class CaptureTransformer implements ClassFileTransformer {
    /**
     * Never instrumented by the directory rule: the JDK, and RunServerPlus's own modules and ASM when
     * they run unpacked (from a reactor build or an IDE). Not the whole {@code io/runserverplus/}: the
     * demos ({@code io/runserverplus/examples/}) are applications like any other.
     */
    private static final String[] EXCLUDED = {
        "java/", "javax/", "jdk/", "sun/", "com/sun/", "org/objectweb/asm/",
        "io/runserverplus/spi/", "io/runserverplus/core/", "io/runserverplus/console/", "io/runserverplus/reloader/",
        "io/runserverplus/adapter/", "io/runserverplus/benchmarks/"
    };

    /** Set while this thread transforms: classes the transform itself loads are left alone. */
    private static final ThreadLocal<Boolean> BUSY = new ThreadLocal<>();

    private final AgentOptions options;
    private final TransformCache cache;
    /**
     * The bytes each instrumented class was defined with, by loader (weakly) and name, so that a
     * redefinition (a debugger's HotSwap) can keep its helper methods. The same arrays the cache
     * holds: no copy.
     */
    private final Map<ClassLoader, Map<String, byte[]>> defined = Collections.synchronizedMap(new WeakHashMap<>());
    private final StaticConstants constants = StaticConstants.forThisJvm();

    /** Null in tests that call the transform directly, on classes of no named module. */
    private final Instrumentation instrumentation;

    CaptureTransformer(AgentOptions options, Instrumentation instrumentation) {
        this.options = options;
        this.cache = new TransformCache(options.cache());
        this.instrumentation = instrumentation;
    }

    /**
     * An instrumented class calls {@link CapturedFrames}: in a named module (an app on the module
     * path), which does not require the console, the module is made to read the console's first.
     */
    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        byte[] result = transform(loader, className, redefined, domain, bytes);
        Module recorder = CapturedFrames.class.getModule();
        if (result != null && instrumentation != null && module.isNamed() && !module.canRead(recorder)
                && instrumentation.isModifiableModule(module)) {
            instrumentation.redefineModule(module, Set.of(recorder), Map.of(), Map.of(), Set.of(), Map.of());
        }
        return result;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        if (BUSY.get() != null) {
            return null; // ASM or the cache loading a class mid-transform: never recurse
        }
        BUSY.set(Boolean.TRUE);
        try {
            if (className == null || !selected(loader, className, domain)) {
                return null;
            }
            if (redefined != null) {
                return redefine(loader, className, bytes);
            }
            constants.record(loader, className, bytes);
            byte[] result = cache.get(bytes, original -> ClassInstrumenter.instrument(original, this::log));
            if (result != null) {
                defined.computeIfAbsent(loader, l -> new ConcurrentHashMap<>()).put(className, result);
            }
            return result;
        } catch (Throwable e) {
            log("left " + className + " unchanged: " + e);
            return null;
        } finally {
            BUSY.remove();
        }
    }

    /**
     * New bytes for a class defined before: if it was instrumented, instrumented too, with the same
     * helper methods (the JVM refuses a redefinition that adds or removes methods); else unchanged.
     */
    private byte[] redefine(ClassLoader loader, String className, byte[] bytes) {
        Map<String, byte[]> classes = defined.get(loader);
        byte[] before = classes == null ? null : classes.get(className);
        if (before == null) {
            return null;
        }
        byte[] result = ClassInstrumenter.instrument(bytes, this::log, ClassInstrumenter.helperNames(before));
        if (result != null) {
            classes.put(className, result);
        }
        return result;
    }

    /** The static constants of the application's classes as first defined, for a hot swap's check. */
    StaticConstants constants() {
        return constants;
    }

    /** Whether {@code className} is the application's. */
    boolean selected(ClassLoader loader, String className, ProtectionDomain domain) {
        for (String prefix : options.packages()) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return false;
        }
        for (String prefix : EXCLUDED) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        CodeSource source = domain == null ? null : domain.getCodeSource();
        URL location = source == null ? null : source.getLocation();
        // A directory: build output (target/classes, an IDE's out/); jars and jrt: are libraries.
        return location != null && location.getProtocol().equals("file") && location.getPath().endsWith("/");
    }

    private void log(String message) {
        if (options.verbose()) {
            System.err.println("runserverplus-agent: " + message);
        }
    }
}
