package io.runserverplus.console.agent;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The child's end of the supervisor's {@code --hotswap}: waits (a blocked thread, no polling) for
 * {@code <pid>.swap} in the directory the supervisor names in {@value #DIRECTORY_ENV}, redefines
 * the loaded classes it lists with their new bytes, and answers {@code <pid>.done}: {@code ok N},
 * or {@code no <why>} when the JVM refuses (more than method bodies changed) or a static
 * constant changed (which the JVM would accept and leave as it was), in which case nothing was
 * redefined (a redefinition is all or nothing) and the supervisor restarts the app.
 * The capture transformer sees the new bytes as it saw the old ones, so frame variables still show.
 */
final class HotSwapReceiver {

    /** Set by the supervisor (io.runserverplus.reloader.HotSwap), whose module this one does not see. */
    static final String DIRECTORY_ENV = "RUNSERVERPLUS_HOTSWAP_DIR";

    private HotSwapReceiver() {
    }

    /** Starts listening when the supervisor asked for hot swap; else does nothing. */
    static void startIfAsked(Instrumentation instrumentation, StaticConstants constants) {
        String directory = System.getenv(DIRECTORY_ENV);
        if (directory == null || directory.isBlank() || !instrumentation.isRedefineClassesSupported()) {
            return;
        }
        Path dir = Path.of(directory);
        long pid = ProcessHandle.current().pid();
        WatchService watcher;
        try {
            watcher = dir.getFileSystem().newWatchService();
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException | RuntimeException e) {
            System.err.println("runserverplus-agent: --hotswap is off in this JVM: " + e);
            return;
        }
        Path request = dir.resolve(pid + ".swap");
        Thread.ofPlatform().daemon().name("runserverplus-hotswap").start(() -> {
            try {
                while (true) {
                    // A request written before this thread watched is not missed: look each time.
                    if (Files.isRegularFile(request)) {
                        answer(dir, pid, handle(instrumentation, constants, request));
                    }
                    WatchKey key = watcher.take();
                    key.pollEvents();
                    key.reset();
                }
            } catch (InterruptedException | ClosedWatchServiceException ended) {
                // the JVM is ending
            }
        });
    }

    private static String handle(Instrumentation instrumentation, StaticConstants constants, Path request) {
        Map<String, byte[]> classes = new HashMap<>();
        try {
            byte[] bytes = Files.readAllBytes(request);
            Files.deleteIfExists(request);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    String name = in.readUTF();
                    byte[] classFile = new byte[in.readInt()];
                    in.readFully(classFile);
                    classes.put(name, classFile);
                }
            }
        } catch (IOException e) {
            return "no the class files could not be read (" + e.getMessage() + ")";
        }
        List<ClassDefinition> definitions = new ArrayList<>();
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            byte[] classFile = classes.get(loaded.getName());
            // Not loaded yet: the JVM reads the new class file when the app first uses the class.
            if (classFile != null && loaded.getClassLoader() != null && instrumentation.isModifiableClass(loaded)) {
                if (constants.changedBy(loaded.getClassLoader(), loaded.getName().replace('.', '/'), classFile)) {
                    return "no " + CONSTANT_CHANGED;
                }
                definitions.add(new ClassDefinition(loaded, classFile));
            }
        }
        try {
            instrumentation.redefineClasses(definitions.toArray(ClassDefinition[]::new));
            return "ok " + definitions.size();
        } catch (UnsupportedOperationException e) {
            return "no " + inWords(e.getMessage());
        } catch (ClassNotFoundException | UnmodifiableClassException | LinkageError e) {
            return "no the JVM refused the new classes (" + e + ")";
        }
    }

    /** The JVM would redefine it, but the running class would keep the old value: see {@link StaticConstants}. */
    static final String CONSTANT_CHANGED = "a static constant's value changed";

    /** The JVM's reason (JVMTI's wording) as a user who just saved a file reads it. */
    static String inWords(String jvmMessage) {
        String message = jvmMessage == null ? "" : jvmMessage;
        if (message.contains("add a method") || message.contains("delete a method")) {
            return "a method was added or removed, or its signature changed (a new lambda adds a method too)";
        }
        if (message.contains("schema")) {
            return "a field was added or removed, or its type changed";
        }
        if (message.contains("superclass") || message.contains("hierarchy")) {
            return "the superclass or the interfaces changed";
        }
        if (message.contains("method modifiers")) {
            return "a method's modifiers changed";
        }
        if (message.contains("class modifiers")) {
            return "a class's modifiers changed";
        }
        if (message.contains("NestHost") || message.contains("attribute")) {
            return "a nested class, record component or permitted subclass changed";
        }
        return "the JVM cannot redefine the change (" + message + ")";
    }

    private static void answer(Path dir, long pid, String text) {
        try {
            Path temp = Files.createTempFile(dir, pid + "-", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, dir.resolve(pid + ".done"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("runserverplus-agent: cannot answer the supervisor's hot swap: " + e);
        }
    }
}
