package io.runserverplus.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The app's own JVM, started as {@code java -cp <class path> <main> <args>} with this terminal, as
 * a user's command would: its main starts RunServerPlus, whose supervisor restarts it on change.
 * Ctrl-C reaches it with the terminal's process group; a Maven ended otherwise ends it too.
 */
final class AppProcess {

    private static final long GRACE_SECONDS = 10;

    private AppProcess() {
    }

    static List<String> command(Path javaHome, List<String> jvmArgs, List<String> classPath, String mainClass,
            List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** Runs the command in a directory until it ends; returns its exit code. */
    static int run(List<String> command, File directory) throws IOException, InterruptedException {
        Process app = new ProcessBuilder(command).directory(directory).inheritIO().start();
        Thread stopApp = new Thread(() -> stop(app), "runserverplus-stop-app");
        Runtime.getRuntime().addShutdownHook(stopApp);
        try {
            return app.waitFor();
        } finally {
            stop(app);
            try {
                Runtime.getRuntime().removeShutdownHook(stopApp);
            } catch (IllegalStateException shuttingDown) {
                // Maven is ending (Ctrl-C): the hook is running already.
            }
        }
    }

    private static void stop(Process app) {
        if (!app.isAlive()) {
            return;
        }
        app.destroy();
        try {
            if (!app.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        } catch (InterruptedException e) {
            app.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
