package io.runserverplus.testapp;

import java.lang.reflect.Method;
import java.util.function.Supplier;

/**
 * Application code for core's unit tests. It lives outside {@code io.runserverplus.core} because
 * frames of the debugger's own packages are hidden from the page.
 */
public final class Failures {

    private Failures() {
    }

    public static Object failDeep() {
        throw new IllegalStateException("deep");
    }

    /** Calls {@link #failDeep()} through a lambda and reflection, the plumbing the page hides. */
    public static Supplier<Object> viaLambdaAndReflection() throws NoSuchMethodException {
        Method method = Failures.class.getDeclaredMethod("failDeep");
        return () -> {
            try {
                return method.invoke(null);
            } catch (ReflectiveOperationException wrapped) {
                throw new IllegalStateException(wrapped.getCause());
            }
        };
    }
}
