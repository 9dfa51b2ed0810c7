package io.runserverplus.console.shell;

import io.runserverplus.console.snippet.ConsoleBindings;
import io.runserverplus.console.snippet.ConsoleHelpers;
import io.runserverplus.console.agent.ExitGuard;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/** One JShell running locally over the app's loader, with the one thread that drives it. */
final class Engine implements AutoCloseable {

    private static final AtomicInteger COUNT = new AtomicInteger();

    final String key = "c" + COUNT.incrementAndGet();
    final JShell shell;
    final AppExecutionControl.Provider provider;
    final ExecutorService thread;
    /** The snippets every engine starts with (its imports). */
    private final List<Snippet> baseline;

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
        ExitGuard.registerSnippetLoader(snippetLoader);
        thread = Executors.newSingleThreadExecutor(r -> {
            // Marked before it runs anything: JShell's snippet thread and every thread a snippet starts
            // inherit the mark, and the exit guard refuses Runtime.exit and halt to them.
            Thread t = new Thread(() -> {
                ExitGuard.markConsoleThread();
                r.run();
            }, "runserverplus-console-" + key);
            t.setDaemon(true);
            t.setContextClassLoader(snippetLoader);
            return t;
        });
        shell.eval("import java.util.*;");
        shell.eval("import static " + ConsoleHelpers.class.getName() + ".*;");
        baseline = shell.snippets().toList();
    }

    /** Drops every snippet made since the engine was built and forgets bound values. Engine thread only. */
    void reset() {
        List<Snippet> made = shell.snippets()
                .filter(s -> !baseline.contains(s) && s.kind() != Snippet.Kind.ERRONEOUS && shell.status(s).isActive())
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        java.util.Collections.reverse(made); // dependents first
        for (Snippet s : made) {
            if (shell.status(s).isActive()) {
                shell.drop(s);
            }
        }
        ConsoleBindings.unbind(key);
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
