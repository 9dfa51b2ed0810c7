package io.runserverplus.console.frame;

import com.sun.source.util.JavacTask;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.tools.DiagnosticListener;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * javac's symbol tables kept from one console unit to the next, as JShell keeps them (its
 * {@code JavacTaskPool}): without it every unit's compilation reads again the class files of
 * {@code java.lang}, {@code java.util}, the frame's nest and whatever else it names, which was most of
 * a later evaluation's time. The pool is javac's own, in a package {@code jdk.compiler} exports only
 * to the JDK's tools: the capture agent exports it to the console
 * ({@code Agent.exportJavacPool}), or the JVM was
 * started with {@code --add-exports jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED}; without that
 * {@link #create} gives {@code null} and each compilation starts afresh (slower, same results).
 *
 * <p>Kept symbols stay right only while the classes javac reads stay the same: a unit sees the
 * frame's nest relaxed in place of the real classes, and the types the console declared. So one
 * pool serves one such overlay; another overlay (another nest, a new declared type, a type
 * declaration's unrelaxed view) has a pool of its own, made afresh. The last {@link #POOLS} are
 * kept, so consoles of two frames used in turn both stay fast. One compilation at a time (the
 * compiler's thread).
 */
final class ReusedJavac {

    private static final String POOL = "com.sun.tools.javac.api.JavacTaskPool";
    /** How many pools (each holding javac's symbol tables) are kept, the least recently used dropped. */
    static final int POOLS = 3;

    private final Class<?> poolClass;
    private final Class<?> workerClass;
    private final Method getTask;

    private final Map<Overlay, Object> pools = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Overlay, Object> eldest) {
            return size() > POOLS;
        }
    };
    private Object lastPool;

    private ReusedJavac(Class<?> poolClass, Class<?> workerClass, Method getTask) {
        this.poolClass = poolClass;
        this.workerClass = workerClass;
        this.getTask = getTask;
    }

    /** The pool, or {@code null} when javac's package is not exported to this module. */
    static ReusedJavac create() {
        try {
            Class<?> poolClass = Class.forName(POOL, false, ClassLoader.getSystemClassLoader());
            Module javac = poolClass.getModule();
            if (!javac.isExported(poolClass.getPackageName(), ReusedJavac.class.getModule())) {
                return null;
            }
            Class<?> worker = Class.forName(POOL + "$Worker", false, ClassLoader.getSystemClassLoader());
            Method getTask = poolClass.getMethod("getTask", Writer.class, JavaFileManager.class,
                    DiagnosticListener.class, Iterable.class, Iterable.class, Iterable.class, worker);
            return new ReusedJavac(poolClass, worker, getTask);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /**
     * Runs {@code work} with a task compiling {@code units}, in a context kept from the last task
     * with the same {@code overlay} ({@code null}: the last task's, for a parse, which reads no
     * class); the task is valid only while {@code work} runs.
     */
    <T> T run(Map<String, byte[]> overlay, JavaFileManager files, DiagnosticListener<JavaFileObject> diagnostics,
              List<String> options, List<? extends JavaFileObject> units, Function<JavacTask, T> work) {
        if (overlay != null || lastPool == null) {
            Map<String, byte[]> classes = overlay == null ? Map.of() : overlay;
            lastPool = pools.get(new Overlay(classes));
            if (lastPool == null) {
                lastPool = newPool();
                pools.put(new Overlay(Map.copyOf(classes)), lastPool);
            }
        }
        Object pool = lastPool;
        Object worker = Proxy.newProxyInstance(ReusedJavac.class.getClassLoader(), new Class<?>[] {workerClass},
                (proxy, method, args) -> switch (method.getName()) {
                    case "withTask" -> work.apply((JavacTask) args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "console javac worker";
                });
        try {
            @SuppressWarnings("unchecked")
            T result = (T) getTask.invoke(pool, Writer.nullWriter(), files, diagnostics, options, null, units, worker);
            return result;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object newPool() {
        try {
            return poolClass.getConstructor(int.class).newInstance(1);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An overlay as a key: the same class names with the very same bytes (the arrays are never changed in place). */
    private record Overlay(Map<String, byte[]> classes) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Overlay other) || other.classes.size() != classes.size()) {
                return false;
            }
            for (var e : classes.entrySet()) {
                if (other.classes.get(e.getKey()) != e.getValue()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = 0;
            for (var e : classes.entrySet()) {
                h += e.getKey().hashCode() ^ System.identityHashCode(e.getValue());
            }
            return h;
        }
    }
}
