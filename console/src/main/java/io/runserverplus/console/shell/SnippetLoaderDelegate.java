package io.runserverplus.console.shell;

import io.runserverplus.console.snippet.ConsoleBindings;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Defines snippet classes in a loader whose parent is the application's loader. Java 21 has no
 * {@code LocalExecutionControl(ClassLoader)} (it came in 22) and JShell's own delegate is not public.
 */
final class SnippetLoaderDelegate implements LoaderDelegate {

    private final SnippetLoader loader;

    SnippetLoaderDelegate(ClassLoader appLoader) {
        this.loader = new SnippetLoader(appLoader);
    }

    ClassLoader loader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        boolean[] loaded = new boolean[cbcs.length];
        try {
            for (ClassBytecodes cbc : cbcs) {
                loader.declare(cbc.name(), cbc.bytecodes());
            }
            for (int i = 0; i < cbcs.length; i++) {
                Class<?> klass = loader.loadClass(cbcs[i].name());
                loaded[i] = true;
                klass.getDeclaredMethods(); // link now, as JShell's delegate does, so errors show here
            }
        } catch (Throwable ex) {
            throw new ClassInstallException("load: " + ex.getMessage(), loaded);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] cbcs) {
        for (ClassBytecodes cbc : cbcs) {
            loader.declare(cbc.name(), cbc.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        // Parent-first delegation: a jar the app already has still resolves to the app's classes.
        try {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    loader.addURL(Path.of(entry).toUri().toURL());
                }
            }
        } catch (MalformedURLException | RuntimeException ex) {
            throw new InternalException("classpath: " + ex.getMessage());
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        return loader.loadClass(name);
    }

    /** Snippet classes from bytes; everything else from the app, except this package (see below). */
    private static final class SnippetLoader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> classes = new ConcurrentHashMap<>();

        SnippetLoader(ClassLoader parent) {
            super("runserverplus-console", new URL[0], parent);
        }

        void declare(String name, byte[] bytes) {
            classes.put(name, bytes);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            // Snippets must share this package's classes (ConsoleBindings' static map), even when the
            // app's loader cannot see the console jar or has its own copy of it.
            if (name.startsWith(ConsoleBindings.class.getPackageName() + ".")) {
                return Class.forName(name, false, ConsoleBindings.class.getClassLoader());
            }
            return super.loadClass(name, resolve);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                return super.findClass(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        public void addURL(URL url) {
            super.addURL(url);
        }
    }
}
