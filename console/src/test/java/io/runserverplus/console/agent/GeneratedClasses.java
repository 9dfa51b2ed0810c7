package io.runserverplus.console.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.objectweb.asm.Opcodes;

/** Classes the child runs that javac in the build cannot give: one without debug info, one near 64 KB. */
final class GeneratedClasses {
    /** Code bytes of {@code Big.big}: fits in 64 KB, but not with a capture handler added. */
    static final int BIG_NOPS = 65_520;

    private GeneratedClasses() {}

    /** Compiles {@code demo.nog.NoDebug} with {@code -g:none}: no local variable table, no parameter names. */
    static void compileWithoutDebugInfo(Path output) throws IOException {
        Path source = output.resolveSibling("nog-src").resolve("NoDebug.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package demo.nog;

                public class NoDebug {
                    public static void run() {
                        new NoDebug().compute(3, "b", 7L, 2.5);
                    }

                    int compute(int a, String b, long c, double d) {
                        int local = a * 2;
                        throw new IllegalStateException(b + local + c + d);
                    }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, List.of("-g:none", "--release", "21", "-d", output.toString(),
                source.toString()).toArray(String[]::new));
        if (status != 0) {
            throw new AssertionError("javac failed: " + status);
        }
    }

    /** Writes {@code demo.gen.Big}: {@code big(I)V} of about 64 KB and {@code small(I)V}, both throwing. */
    static void writeNearLimit(Path output) throws IOException {
        ThrowingMethods.writeClass(output, "demo/gen/Big", type -> {
            ThrowingMethods.add(type, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "big", "(I)V", BIG_NOPS);
            ThrowingMethods.add(type, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "small", "(I)V", 0);
        });
    }

    /**
     * Writes {@code demo.gen.Wide}: {@code many} takes 254 ints (no debug info) and throws; its
     * variables are more than a helper method may take as parameters.
     */
    static void writeManyParameters(Path output) throws IOException {
        ThrowingMethods.writeClass(output, "demo/gen/Wide", type -> ThrowingMethods.add(type,
                Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "many", "(" + "I".repeat(254) + ")V", 0));
    }
}
