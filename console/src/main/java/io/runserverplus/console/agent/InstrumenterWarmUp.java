package io.runserverplus.console.agent;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * In a standby JVM (started ahead of a reload, waiting for "go"): instruments the app's class
 * files a few dozen times, into nothing, so that the JIT has compiled the instrumenter (ASM) before
 * "go". After "go" the class that changed is instrumented anew, as its bytes are in no cache: in
 * a cold JVM that took 33-49 ms of each reload of the Javalin demo before the app's main ran, and
 * 8-16 ms after this warm-up (which takes 110-200 ms while the standby waits). Only bytes are
 * read: no class of the app is loaded (the instrumenter computes no stack frames), so the standby
 * still reads the app's classes only after "go"; nothing is written.
 */
public final class InstrumenterWarmUp implements io.runserverplus.spi.StandbyWarmUp {

    /** Instrumentations in all; past ~30 the instrumenter's time stops falling. */
    static final int INSTRUMENTATIONS = 40;
    /** The largest class files of the app are the ones that exercise most of the instrumenter. */
    private static final int CLASS_FILES = 8;

    @Override
    public void warmUp() {
        if (!Agent.isStarted()) {
            return; // no agent in this JVM: nothing of the instrumenter's will run after "go"
        }
        run(classFiles(System.getProperty("java.class.path", "")));
    }

    /** Instruments the files round after round, {@value #INSTRUMENTATIONS} times in all; returns how many it did. */
    static int run(List<Path> classFiles) {
        List<byte[]> classes = new ArrayList<>();
        for (Path file : classFiles) {
            try {
                classes.add(Files.readAllBytes(file));
            } catch (IOException gone) {
                // changed or deleted since: the others warm it as well
            }
        }
        int done = 0;
        while (!classes.isEmpty() && done < INSTRUMENTATIONS) {
            for (byte[] bytes : classes) {
                try {
                    ClassInstrumenter.instrument(bytes, message -> { });
                } catch (RuntimeException | LinkageError unusable) {
                    // a class the agent would leave unchanged: the rest warms it as well
                }
                if (++done == INSTRUMENTATIONS) {
                    break;
                }
            }
        }
        return done;
    }

    /** The {@value #CLASS_FILES} largest class files in the class path's directories. */
    static List<Path> classFiles(String classPath) {
        List<Path> found = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path directory = entry.isBlank() ? null : Path.of(entry);
            if (directory == null || !Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(directory)) {
                walk.filter(path -> path.toString().endsWith(".class") && Files.isRegularFile(path)).forEach(found::add);
            } catch (IOException | UncheckedIOException unreadable) {
                // a directory we cannot read: the app cannot load from it either
            }
        }
        return found.stream().sorted(Comparator.comparingLong(InstrumenterWarmUp::size).reversed())
                .limit(CLASS_FILES).toList();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }
}
