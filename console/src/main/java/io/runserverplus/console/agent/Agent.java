package io.runserverplus.console.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * The {@code -javaagent} entry point: puts the recorder and the exit guard on the boot class path,
 * guards {@code Runtime.exit}/{@code halt}, then instruments application classes as they load. See {@link AgentOptions} for the argument.
 */
public final class Agent {
    /**
     * JIT options for the JVM the agent runs in, which a supervisor adds with {@code -javaagent}.
     *
     * <p>Why: instrumenting a method adds its handlers' code (a median 13 bytes for methods of at
     * most 35) and its variables' slots to its maximum stack, and C1, the only compiler of the
     * reloader's child ({@code -XX:TieredStopAtLevel=1}), inlines no callee of more than 35 bytes
     * ({@code C1MaxInlineSize}) or with more than 10 slots of stack (plus one) and locals less its
     * parameters ({@code C1InlineStackLimit}): 22 % of the small methods it inlined were no longer
     * inlined (Javalin, Jetty's server, AssertJ), and a hot loop of small methods ran 1.30 times as
     * long. With these limits 99.4 % are again, and that loop runs as fast as without the agent.
     * The cost: 30-40 ms more start-up for the Javalin demo with C1 only (the size limit; the stack
     * limit costs nothing measurable). A last resort: no smaller instrumentation keeps a 27-byte
     * method with one call under 35 bytes (its handler and the guard alone take 14). C2's limits
     * (325 bytes for hot calls) are large enough.
     */
    public static final List<String> JIT_OPTIONS = List.of("-XX:C1MaxInlineSize=60", "-XX:C1InlineStackLimit=14");
    /** The recorder's class files, copied to the boot class path so that every loader sees one copy. */
    private static final String[] BOOT_CLASSES = {"CapturedFrames", "CapturedFrames$Capture", "ExitGuard"};
    private static volatile boolean started;

    private Agent() {}

    /** Whether the agent instruments this JVM's classes. */
    static boolean isStarted() {
        return started;
    }

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
        AgentOptions options = AgentOptions.parse(argument);
        try {
            // Before anything names CapturedFrames: the first load decides which loader owns it.
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(bootJar(options.cache()).toFile()));
        } catch (IOException | RuntimeException e) {
            System.err.println("runserverplus-agent: not started, cannot write the recorder jar: " + e);
            return;
        }
        CapturedFrames.activate();
        String unguarded = ExitGuardInstaller.install(instrumentation);
        if (unguarded != null) {
            System.err.println("runserverplus-agent: console evaluations may call System.exit, the exit guard is off: "
                    + unguarded);
        }
        exportJavacPool(instrumentation);
        CaptureTransformer transformer = new CaptureTransformer(options, instrumentation);
        instrumentation.addTransformer(transformer, false);
        HotSwapReceiver.startIfAsked(instrumentation, transformer.constants());
        started = true;
    }

    /**
     * Exports javac's {@code JavacTaskPool} to the console (this module, or the class path's unnamed
     * module), so that a frame console keeps javac's symbol tables between inputs as JShell does
     * ({@code io.runserverplus.console.frame.ReusedJavac}); without it each input's compilation
     * starts afresh, which is slower.
     */
    private static void exportJavacPool(Instrumentation instrumentation) {
        String pkg = "com.sun.tools.javac.api";
        ModuleLayer.boot().findModule("jdk.compiler").ifPresent(javac -> {
            Module console = Agent.class.getModule();
            try {
                if (!javac.isExported(pkg, console) && instrumentation.isModifiableModule(javac)) {
                    instrumentation.redefineModule(javac, java.util.Set.of(), java.util.Map.of(pkg,
                            java.util.Set.of(console)), java.util.Map.of(), java.util.Set.of(), java.util.Map.of());
                }
            } catch (RuntimeException e) {
                System.err.println("runserverplus-agent: frame consoles will compile more slowly: " + e);
            }
        });
    }

    /**
     * The jar of the recorder's classes, read from this agent's own jar or directory. In the cache
     * directory, if it is private, named by a hash of those classes and shared by every child JVM,
     * so restarts neither rewrite nor leave one temp file each behind; else a private temp file.
     */
    private static Path bootJar(Path cacheDirectory) throws IOException {
        String dir = Agent.class.getPackageName().replace('.', '/') + "/";
        byte[][] classes = new byte[BOOT_CLASSES.length][];
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        for (int i = 0; i < classes.length; i++) {
            try (InputStream in = Agent.class.getResourceAsStream(BOOT_CLASSES[i] + ".class")) {
                if (in == null) {
                    throw new IOException("missing " + BOOT_CLASSES[i] + ".class");
                }
                classes[i] = in.readAllBytes();
                digest.update(classes[i]);
            }
        }
        Path directory = cacheDirectory == null ? null : PrivateDirectory.open(cacheDirectory);
        Path jar;
        if (directory == null) {
            jar = Files.createTempFile("runserverplus-recorder", ".jar"); // owner-only on POSIX
            jar.toFile().deleteOnExit();
            writeJar(jar, dir, classes);
            return jar;
        }
        jar = directory.resolve("recorder-" + HexFormat.of().formatHex(digest.digest(), 0, 8) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        // Written aside then renamed: a child starting at the same moment never sees half a jar.
        Path temp = Files.createTempFile(jar.getParent(), "runserverplus-recorder", ".tmp");
        writeJar(temp, dir, classes);
        try {
            Files.move(temp, jar, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            if (!Files.isRegularFile(jar)) {
                throw e;
            }
        }
        return jar;
    }

    private static void writeJar(Path jar, String dir, byte[][] classes) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (int i = 0; i < classes.length; i++) {
                out.putNextEntry(new JarEntry(dir + BOOT_CLASSES[i] + ".class"));
                out.write(classes[i]);
                out.closeEntry();
            }
        }
    }
}
