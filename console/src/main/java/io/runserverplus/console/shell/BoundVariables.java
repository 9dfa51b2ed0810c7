package io.runserverplus.console.shell;

import io.runserverplus.console.snippet.ConsoleBindings;
import io.runserverplus.spi.CapturedVariable;
import io.runserverplus.spi.FrameInfo;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * The names a session binds for the current frame ({@code ex}, {@code request}, {@code frame},
 * {@code self} and the frame's variables), the type a snippet declares each with, and the JShell
 * variables made for them. Binding only publishes the values in {@link ConsoleBindings}; a snippet
 * reads a value with a {@link #declaration}, either of a local of its own (see {@link UnitEvaluator})
 * or of a JShell variable {@link #declare declared} here. Engine thread only, except binding in the
 * session's constructor.
 */
final class BoundVariables {

    private final Engine engine;
    private final ClassLoader loader;
    private final Throwable exception;
    private final Object request;

    /** The bound names and the type a snippet declares each with. */
    private final Map<String, String> types = new HashMap<>();
    /**
     * JShell variables made for bound names: made only for an input that needs one (it assigns the
     * name, or declares a method, class or variable using it); other inputs declare what they use as
     * locals of their own snippet.
     */
    private final Map<String, VarSnippet> declared = new HashMap<>();
    /** The names in {@link #declared} whose variable holds the bound frame's value (or the console's copy of it). */
    private final Set<String> current = new HashSet<>();

    BoundVariables(Engine engine, ClassLoader loader, Throwable exception, Object request) {
        this.engine = engine;
        this.loader = loader;
        this.exception = exception;
        this.request = request;
    }

    /**
     * Binds a frame: its variables, {@code self} (the frame's {@code this}, or null), {@code ex},
     * {@code request} and {@code frame}. A frame variable named like a special one ({@code ex},
     * {@code request}, {@code frame}) hides it.
     */
    void bind(FrameInfo frame, Object self, List<CapturedVariable> vars) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> newTypes = new HashMap<>();
        put(values, newTypes, "ex", exception == null ? "java.lang.Throwable" : null, exception);
        put(values, newTypes, "request", null, request);
        put(values, newTypes, "frame", FrameInfo.class.getName(), frame);
        put(values, newTypes, "self", null, self);
        for (CapturedVariable v : vars) {
            String name = v.name().equals("this") ? "self" : v.name();
            put(values, newTypes, name, v.declaredType(), v.value());
        }
        ConsoleBindings.bind(engine.key, Collections.unmodifiableMap(values));
        // Variables of the previous frame that this one lacks must not linger with stale values.
        for (var it = declared.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!newTypes.containsKey(e.getKey())) {
                engine.shell.drop(e.getValue());
                it.remove();
            }
        }
        types.clear();
        types.putAll(newTypes);
        current.clear(); // kept variables hold the previous frame's values until an input needs them again
    }

    private void put(Map<String, Object> values, Map<String, String> types, String name, String type, Object value) {
        if (!SourceVersion.isName(name)) {
            return; // synthetic names (e.g. "this$0") cannot be declared
        }
        values.put(name, value);
        types.put(name, type == null && value == null ? "java.lang.Object"
                : DeclarableTypes.declarable(type, value, loader));
    }

    /** The names bound in the current frame. */
    Set<String> names() {
        return Collections.unmodifiableSet(types.keySet());
    }

    /** Whether {@code name} is bound in the current frame. */
    boolean isBound(String name) {
        return types.containsKey(name);
    }

    /** Whether {@code name} has a JShell variable that holds the current frame's value (or the console's copy). */
    boolean isDeclared(String name) {
        return current.contains(name);
    }

    /** {@code T name = (T) <getter>;}: a declaration of the bound {@code name} with its value. */
    String declaration(String name) {
        return declaration(types.get(name), name, getter(name));
    }

    private static String declaration(String type, String name, String getter) {
        return type + " " + name + " = (" + type + ") " + getter + ";";
    }

    /** The expression a snippet reads the bound value of {@code name} with. */
    private String getter(String name) {
        return ConsoleBindings.class.getName() + ".get(\"" + engine.key + "\", \"" + name + "\")";
    }

    /**
     * Gives the JShell variables made on an earlier frame that this one has too this frame's values:
     * methods the user declared may use them (one snippet each; few, and once per frame).
     */
    void refreshKeptVariables() {
        if (current.size() < declared.size()) {
            declare(declared.keySet().stream().filter(n -> !current.contains(n)).toList());
        }
    }

    /** Declares the bound names as JShell variables (one snippet each), unless they are. */
    void declare(Collection<String> names) {
        for (String name : names) {
            if (!types.containsKey(name) || current.contains(name)) {
                continue;
            }
            String get = getter(name);
            String type = types.get(name);
            VarSnippet snippet = declare(type, name, get);
            if (snippet == null && !type.equals("java.lang.Object")) {
                snippet = declare("java.lang.Object", name, get); // e.g. a type not on the compile class path
            }
            if (snippet != null) {
                declared.put(name, snippet);
                current.add(name);
            } else {
                VarSnippet stale = declared.remove(name);
                if (stale != null && engine.shell.status(stale).isActive()) {
                    engine.shell.drop(stale);
                }
            }
        }
    }

    private VarSnippet declare(String type, String name, String get) {
        for (SnippetEvent e : engine.shell.eval(declaration(type, name, get))) {
            if (e.causeSnippet() == null && e.snippet() instanceof VarSnippet v && e.status().isDefined()) {
                return v;
            }
        }
        return null;
    }
}
