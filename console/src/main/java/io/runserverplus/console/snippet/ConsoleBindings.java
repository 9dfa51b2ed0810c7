package io.runserverplus.console.snippet;

import io.runserverplus.console.shell.AppExecutionControl;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where snippets read a frame's values from. Public, in the one package the console module exports,
 * only because snippet classes (defined by a child of the application's loader) call it; not an API
 * for applications.
 *
 * <p>Binding a frame puts its values here and costs no compilation; each input declares the variables
 * it uses ({@code Type a = (Type) ConsoleBindings.get(key, "a");}) as locals of its own snippet, or as
 * JShell variables when it needs them to outlive it (see {@code UnitEvaluator}).
 */
public final class ConsoleBindings {

    private static final Map<String, Map<String, Object>> VALUES = new ConcurrentHashMap<>();

    private ConsoleBindings() {
    }

    /** The value bound to {@code name} in the session with {@code key}. */
    public static Object get(String key, String name) {
        Map<String, Object> values = VALUES.get(key);
        return values == null ? null : values.get(name);
    }

    /** Internal: the console's engine binds a frame's values. */
    public static void bind(String key, Map<String, Object> values) {
        VALUES.put(key, values);
    }

    /** Internal: the console's engine forgets a closed session's values. */
    public static void unbind(String key) {
        VALUES.remove(key);
    }

    /**
     * Internal: runs the snippet method the current evaluation set and keeps its raw result (see
     * {@code AppExecutionControl}), unless the snippet kept one with {@link #$result}. Exceptions pass
     * through unchanged so JShell reports them as usual.
     */
    public static Object $runSnippet() throws Throwable {
        Object[] slot = AppExecutionControl.currentSnippet();
        try {
            Object value = ((Method) slot[0]).invoke(null);
            if (slot[2] == null) {
                slot[1] = value;
            }
            return value;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Internal: keeps the value of the expression the console wrapped in a statement. */
    public static void $result(Object value) {
        Object[] slot = AppExecutionControl.currentSnippet();
        if (slot != null) {
            slot[1] = value;
            slot[2] = Boolean.TRUE;
        }
    }
}
