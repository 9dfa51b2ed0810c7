package demo.capture;

import java.io.InputStream;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;

/**
 * A second agent in CaptureMain's JVM that redefines classes as a debugger's HotSwap does: with the
 * class file javac wrote, not the instrumented one.
 */
public final class Redefiner {
    private static Instrumentation instrumentation;

    private Redefiner() {}

    public static void premain(String argument, Instrumentation given) {
        instrumentation = given;
    }

    /** Redefines {@code type} with its class file from the class path. */
    static void redefine(Class<?> type) throws Exception {
        String file = type.getName().substring(type.getPackageName().length() + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(file)) {
            instrumentation.redefineClasses(new ClassDefinition(type, in.readAllBytes()));
        }
    }
}
