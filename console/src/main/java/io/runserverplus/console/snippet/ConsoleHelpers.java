package io.runserverplus.console.snippet;

import io.runserverplus.console.shell.MemberAccess;
import io.runserverplus.console.shell.ValueRenderer;
import io.runserverplus.spi.CapturedVariable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Functions every console imports statically: {@code dump()}, {@code dump(obj)}, {@code help(obj)}.
 * Public, in the one package the console module exports, because snippets call them. They print (the evaluation captures the output).
 */
public final class ConsoleHelpers {

    /**
     * The console evaluating on this thread; inherited by the thread JShell runs the snippet on.
     * Private: a snippet must not reach the console's own object through it.
     */
    private static final InheritableThreadLocal<View> SESSION = new InheritableThreadLocal<>();

    /** What the helpers need of the console that runs them. */
    public interface View {
        /** The bound frame's variables. */
        List<CapturedVariable> variables();

        /** Why the frame has no (or unnamed) variables and how to get them, or {@code null}. */
        default String missingVariables() {
            return null;
        }

        /** The class whose access snippets have (a frame's class), or {@code null}: public members only. */
        default Class<?> accessContext() {
            return null;
        }
    }
    private static final ValueRenderer RENDERER = new ValueRenderer();

    private ConsoleHelpers() {
    }

    /** Runs {@code evaluation} with {@code console} as the one the helpers describe (on this thread and its children). */
    public static <T> T evaluatingIn(View console, java.util.function.Supplier<T> evaluation) {
        View before = SESSION.get();
        SESSION.set(console);
        try {
            return evaluation.get();
        } finally {
            if (before == null) {
                SESSION.remove();
            } else {
                SESSION.set(before);
            }
        }
    }

    /** Prints the current frame's variables: name, declared type, value. */
    public static void dump() {
        View session = SESSION.get();
        String missing = session == null ? null : session.missingVariables();
        if (session == null || session.variables().isEmpty()) {
            System.out.println(missing != null ? missing : "(no frame variables)");
            return;
        }
        System.out.print(RENDERER.table(session.variables()));
        if (missing != null) {
            System.out.println(missing);
        }
    }

    /** Prints an object's instance fields. */
    public static void dump(Object obj) {
        System.out.println(RENDERER.fields(obj));
    }

    /**
     * Prints an object's class, supertypes and the members a snippet may use on it: in a frame's
     * console those the frame's code may use (private ones of its nest, package-private ones of its
     * package), else the public methods.
     */
    public static void help(Object obj) {
        if (obj == null) {
            System.out.println("null");
            return;
        }
        Class<?> c = obj instanceof Class<?> k ? k : obj.getClass();
        View session = SESSION.get();
        Class<?> context = session == null ? null : session.accessContext();
        if (context != null) {
            System.out.println(header(c));
            MemberAccess.usableMembers(c, context, obj instanceof Class<?>).forEach(s -> System.out.println("  " + s));
            return;
        }
        System.out.println(header(c));
        Arrays.stream(c.getMethods())
                .filter(m -> m.getDeclaringClass() != Object.class)
                .map(MemberAccess::signature).sorted().distinct()
                .forEach(s -> System.out.println("  " + s));
    }

    private static String header(Class<?> c) {
        return c.getName() + (c.getSuperclass() == null ? "" : " extends " + c.getSuperclass().getName())
                + (c.getInterfaces().length == 0 ? "" : " implements " + Arrays.stream(c.getInterfaces())
                        .map(Class::getName).collect(Collectors.joining(", ")));
    }
}
