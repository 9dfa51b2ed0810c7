package io.runserverplus.console.shell;

import io.runserverplus.console.snippet.ConsoleBindings;
import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's local execution (stop support included) over {@link SnippetLoaderDelegate}, keeping the
 * live value of the last snippet: JShell itself only hands back {@code String.valueOf(value)}.
 */
public final class AppExecutionControl extends LocalExecutionControl {

    /**
     * The snippet method to run, its raw result, and whether the snippet kept a result itself
     * ({@link ConsoleBindings#$result}); inherited by the thread JShell runs it on.
     */
    static final InheritableThreadLocal<Object[]> CURRENT = new InheritableThreadLocal<>();
    private static final Method TRAMPOLINE;

    /** Internal, for {@code ConsoleBindings}: the snippet running on this thread (method, result, kept). */
    public static Object[] currentSnippet() {
        return CURRENT.get();
    }

    static {
        try {
            TRAMPOLINE = ConsoleBindings.class.getMethod("$runSnippet");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile Object lastValue;

    AppExecutionControl(SnippetLoaderDelegate delegate) {
        super(delegate);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        // Run the snippet through a trampoline (a plain static method) so that the raw result can be
        // kept while LocalExecutionControl still provides its own thread and stop checks.
        Object[] slot = {doitMethod, null, null};
        CURRENT.set(slot);
        lastValue = null;
        try {
            return super.invoke(TRAMPOLINE);
        } finally {
            CURRENT.remove();
            lastValue = slot[1];
        }
    }

    /** The raw value the last snippet returned ({@code null} for statements). */
    Object lastValue() {
        return lastValue;
    }

    /** Registered programmatically: {@code JShell.builder().executionEngine(provider, Map.of())}. */
    static final class Provider implements ExecutionControlProvider {
        private final ClassLoader appLoader;
        private volatile AppExecutionControl control;
        private volatile ClassLoader snippetLoader;

        Provider(ClassLoader appLoader) {
            this.appLoader = appLoader;
        }

        @Override
        public String name() {
            return "runserverplus-local";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            SnippetLoaderDelegate delegate = new SnippetLoaderDelegate(appLoader);
            snippetLoader = delegate.loader();
            control = new AppExecutionControl(delegate);
            return control;
        }

        AppExecutionControl control() {
            return control;
        }

        ClassLoader snippetLoader() {
            return snippetLoader;
        }
    }
}
