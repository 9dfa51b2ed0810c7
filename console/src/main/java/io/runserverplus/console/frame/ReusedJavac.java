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
 * declaration's unrelaxed view) starts a fresh pool. One compilation at a time (the compiler's thread).
 */
final class ReusedJavac {

    private static final String POOL = "com.sun.tools.javac.api.JavacTaskPool";

    private final Class<?> poolClass;
    private final Class<?> workerClass;
    private final Method getTask;
    private Object pool;
    private Map<String, byte[]> poolOverlay;

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
     * with the same {@code overlay}; the task is valid only while {@code work} runs.
     */
    <T> T run(Map<String, byte[]> overlay, JavaFileManager files, DiagnosticListener<JavaFileObject> diagnostics,
              List<String> options, List<? extends JavaFileObject> units, Function<JavacTask, T> work) {
        if (overlay != null && (pool == null || !same(overlay, poolOverlay))) {
            pool = newPool();
            poolOverlay = Map.copyOf(overlay);
        } else if (pool == null) {
            pool = newPool();
            poolOverlay = Map.of();
        }
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

    /** The same class names with the very same bytes (the overlays' arrays are never changed in place). */
    private static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (var e : a.entrySet()) {
            if (b.get(e.getKey()) != e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
