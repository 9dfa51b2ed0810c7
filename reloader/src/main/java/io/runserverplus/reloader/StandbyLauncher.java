package io.runserverplus.reloader;

import io.runserverplus.spi.StandbyWarmUp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The main class of a standby child JVM ({@link StandbyChild}): {@code StandbyLauncher <class list>
 * -- <main class> <args>}. It boots, connects to the supervisor, and loads and links (without
 * initialising them) the classes the previous child loaded from jars and the JDK; on "go" it runs
 * the app's main. The app's own classes, in directories that change, are read only after "go".
 *
 * <p>Classes are not initialised early: a static initialiser may read a system property or an
 * environment the app sets up in its main, so running it before the app would change behaviour.
 * Loading and linking (parse, verify) have no such effects, and they are most of the work. The
 * exceptions are the warm-ups RunServerPlus's own modules provide ({@link StandbyWarmUp}): Guice's
 * first injector and the capture agent's instrumenter, whose effects are known; they run after
 * the preloading.
 */
public final class StandbyLauncher {

    /** "port token" of the supervisor's control socket. */
    static final String CONTROL_ENV = "RUNSERVERPLUS_STANDBY";
    static final String GO = "go";
    static final String MARKER = "--";

    private static volatile boolean started;
    /** The classes preloaded from jars, checked on "go" against the class path's directories. */
    private static final List<String> fromJars = java.util.Collections.synchronizedList(new ArrayList<>());

    private StandbyLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        // From the moment it boots, like any child: a killed supervisor must not leave it behind.
        ParentWatch.install();
        int marker = Arrays.asList(args).indexOf(MARKER);
        if (marker < 0 || marker + 1 >= args.length) {
            throw new ReloaderException("Usage: StandbyLauncher <class list> -- <main class> <args>");
        }
        String[] control = System.getenv(CONTROL_ENV).split(" ");
        var socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(control[0]));
        socket.getOutputStream().write((control[1] + "\n").getBytes(StandardCharsets.US_ASCII));
        Path classList = Path.of(args[0]);
        Thread preload = Thread.ofPlatform().daemon().name("runserverplus-standby-preload")
                .start(() -> {
                    preload(classList);
                    warmUp(ServiceLoader.load(StandbyWarmUp.class, ClassLoader.getSystemClassLoader()), () -> started);
                });
        String line;
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            line = in.readLine();
        } catch (IOException e) {
            line = null;
        }
        if (!GO.equals(line)) {
            System.exit(0); // discarded, or the supervisor is gone
        }
        started = true; // the preloading stops: from now on the app needs the cores
        preload.join(100);
        if (shadowed()) {
            // A class file added since the preloading hides a jar's class: ask for a cold start.
            System.exit(Supervisor.RESTART_EXIT_CODE);
        }
        String mainClass = args[marker + 1];
        String[] mainArgs = Arrays.copyOfRange(args, marker + 2, args.length);
        runMain(Class.forName(mainClass, true, ClassLoader.getSystemClassLoader()), mainArgs);
    }

    /**
     * Loads and links the listed classes that come from jars or the JDK, never from a directory,
     * on two threads: the app that serves meanwhile mostly waits for requests, and the standby is
     * more often ready when the next change comes (4,000 classes take about half a second of a core).
     */
    static void preload(Path classList) {
        List<String> names = classNames(classList);
        int workers = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        var threads = new ArrayList<Thread>();
        for (int worker = 1; worker < workers; worker++) {
            int first = worker;
            threads.add(Thread.ofPlatform().daemon().name("runserverplus-standby-preload-" + worker)
                    .start(() -> preload(names, first, workers)));
        }
        preload(names, 0, workers);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Every {@code step}th class of the list from {@code first} on. */
    private static void preload(List<String> names, int first, int step) {
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        for (int i = first; i < names.size(); i += step) {
            String name = names.get(i);
            if (started) {
                return;
            }
            URL url = loader.getResource(name + ".class");
            if (url == null || !(url.getProtocol().equals("jar") || url.getProtocol().equals("jrt"))) {
                continue;
            }
            if (url.getProtocol().equals("jar")) {
                fromJars.add(name);
            }
            try {
                // Reflection links the class (verifies its code) without initialising it; the public
                // fields, unlike the methods, load hardly any more classes (their types).
                Class.forName(name.replace('/', '.'), false, loader).getFields();
            } catch (Throwable notLoadable) {
                // an optional dependency missing, a class gone from a rebuilt jar: the app decides
            }
        }
    }

    /** Whether a directory on the class path now has a class this JVM took from a jar. */
    static boolean shadowed() {
        var dirs = new ArrayList<Path>();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isDirectory(Path.of(entry))) {
                dirs.add(Path.of(entry));
            }
        }
        synchronized (fromJars) {
            return shadowed(dirs, new java.util.HashSet<>(fromJars));
        }
    }

    /**
     * Whether one of the directories holds a class file of one of the {@code preloaded} classes
     * ({@code a/b/C}). It lists the directories (the app's classes: dozens to thousands) rather than
     * asking for each of the 4,000 preloaded classes in each, which took 20-50 ms after "go".
     */
    static boolean shadowed(List<Path> dirs, java.util.Set<String> preloaded) {
        for (Path dir : dirs) {
            try (var files = Files.walk(dir)) {
                boolean found = files.anyMatch(file -> {
                    String name = dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                    return name.endsWith(".class") && preloaded.contains(name.substring(0, name.length() - ".class".length()));
                });
                if (found) {
                    return true;
                }
            } catch (IOException | java.io.UncheckedIOException unreadable) {
                // a directory that went away or cannot be read hides nothing from this JVM
            }
        }
        return false;
    }

    /** The class names of a {@code -XX:DumpLoadedClassList} file, in load order, as {@code a/b/C}. */
    static List<String> classNames(Path classList) {
        List<String> lines;
        try {
            lines = Files.readAllLines(classList, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(); // the first child, or a JVM that could not write it
        }
        var names = new ArrayList<String>(lines.size());
        for (String line : lines) {
            int space = line.indexOf(' ');
            if (space > 0 && !line.startsWith("#") && !line.startsWith("@")) {
                names.add(line.substring(0, space));
            }
        }
        return names;
    }

    /**
     * The providers' warm-ups ({@link StandbyWarmUp}: Guice's first injector, the settings'
     * resolution, the capture agent's instrumenter), one after another until "go"; a failing one
     * only costs its speed-up.
     */
    static void warmUp(Iterable<StandbyWarmUp> warmUps, java.util.function.BooleanSupplier gone) {
        try {
            for (StandbyWarmUp warmUp : warmUps) {
                if (gone.getAsBoolean()) {
                    return;
                }
                try {
                    warmUp.warmUp();
                } catch (RuntimeException | LinkageError failed) {
                    // the app starts as it would have without it
                }
            }
        } catch (java.util.ServiceConfigurationError unusable) {
            // a provider that cannot be made: the others' speed-up is lost with it
        }
    }

    /**
     * Calls the app's main as the {@code java} launcher does: {@code main(String[])} or, as JDK 25
     * allows, {@code main()}, static or on a new instance. Its exceptions propagate unwrapped, so
     * the JVM reports them and exits 1 as for any main.
     */
    static void runMain(Class<?> mainClass, String[] args) throws Throwable {
        Method main = findMain(mainClass, true);
        if (main == null) {
            main = findMain(mainClass, false);
        }
        if (main == null) {
            throw new NoSuchMethodException(mainClass.getName() + ".main(String[])");
        }
        main.setAccessible(true);
        Object target = null;
        if (!Modifier.isStatic(main.getModifiers())) {
            var constructor = mainClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            target = constructor.newInstance();
        }
        try {
            main.invoke(target, main.getParameterCount() == 1 ? new Object[] {args} : new Object[0]);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Method findMain(Class<?> type, boolean withArgs) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Method m = withArgs ? c.getDeclaredMethod("main", String[].class) : c.getDeclaredMethod("main");
                if (!Modifier.isPrivate(m.getModifiers()) && m.getReturnType() == void.class) {
                    return m;
                }
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        return null;
    }
}
