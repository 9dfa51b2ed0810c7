package io.runserverplus.console.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * The {@code -javaagent} entry point: puts the recorder on the boot class path, then instruments
 * application classes as they load. See {@link AgentOptions} for the argument.
 */
public final class Agent {
    /** The recorder's class files, copied to the boot class path so that every loader sees one copy. */
    private static final String[] BOOT_CLASSES = {"CapturedFrames", "CapturedFrames$Capture"};
    private static volatile boolean started;

    private Agent() {}

    /** Called by the JVM for {@code -javaagent:console.jar[=options]}. */
    public static void premain(String argument, Instrumentation instrumentation) {
        start(argument, instrumentation);
    }

    /** Called when attached to a running JVM: only classes loaded from then on are instrumented. */
    public static void agentmain(String argument, Instrumentation instrumentation) {
        start(argument, instrumentation);
    }

    private static synchronized void start(String argument, Instrumentation instrumentation) {
        if (started) {
            return;
        }
        try {
            // Before anything names CapturedFrames: the first load decides which loader owns it.
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(bootJar().toFile()));
        } catch (IOException | RuntimeException e) {
            System.err.println("runserverplus-agent: not started, cannot write the recorder jar: " + e);
            return;
        }
        CapturedFrames.activate();
        instrumentation.addTransformer(new CaptureTransformer(AgentOptions.parse(argument)), false);
        started = true;
    }

    /** Writes the recorder's classes, read from this agent's own jar or directory, to a temp jar. */
    private static Path bootJar() throws IOException {
        Path jar = Files.createTempFile("runserverplus-recorder", ".jar");
        jar.toFile().deleteOnExit();
        String dir = Agent.class.getPackageName().replace('.', '/') + "/";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String name : BOOT_CLASSES) {
                try (InputStream in = Agent.class.getResourceAsStream(name + ".class")) {
                    if (in == null) {
                        throw new IOException("missing " + name + ".class");
                    }
                    out.putNextEntry(new JarEntry(dir + name + ".class"));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }
}
