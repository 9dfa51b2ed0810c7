package io.runserverplus.console.shell;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.JShell;

/** One JShell running locally over the app's loader, with the one thread that drives it. */
final class Engine implements AutoCloseable {

    private static final AtomicInteger COUNT = new AtomicInteger();

    final String key = "c" + COUNT.incrementAndGet();
    final JShell shell;
    final AppExecutionControl.Provider provider;
    final ExecutorService thread;

    Engine(ConsoleConfig config) {
        provider = new AppExecutionControl.Provider(config.classLoader());
        PrintStream none = new PrintStream(OutputStream.nullOutputStream());
        shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .compilerOptions("--class-path", compilerClassPath(config.classPath()))
                .in(InputStream.nullInputStream()).out(none).err(none)
                .build();
        // The thread JShell runs snippets on inherits this thread's context loader: the snippets' one,
        // so application code that loads by context loader sees the app's classes.
        ClassLoader snippetLoader = provider.snippetLoader();
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "runserverplus-console-" + key);
            t.setDaemon(true);
            t.setContextClassLoader(snippetLoader);
            return t;
        });
        shell.eval("import java.util.*;");
        shell.eval("import static " + ConsoleHelpers.class.getName() + ".*;");
    }

    /** The app's class path plus this module's location, so snippets can always name ConsoleBindings. */
    private static String compilerClassPath(String appPath) {
        try {
            var source = ConsoleBindings.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return appPath;
            }
            String own = Path.of(source.getLocation().toURI()).toString();
            boolean present = Arrays.stream(appPath.split(File.pathSeparator))
                    .anyMatch(p -> !p.isBlank() && Path.of(p).toAbsolutePath().equals(Path.of(own)));
            return present ? appPath : appPath.isEmpty() ? own : appPath + File.pathSeparator + own;
        } catch (URISyntaxException | RuntimeException e) {
            return appPath;
        }
    }

    @Override
    public void close() {
        ConsoleBindings.unbind(key);
        thread.shutdownNow();
        try {
            shell.stop();
        } catch (RuntimeException ignored) {
            // closing anyway
        }
        shell.close();
    }
}
