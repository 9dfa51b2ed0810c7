package io.runserverplus.console.shell;

import io.runserverplus.spi.CapturedVariable;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders values as short plain text, as Werkzeug's console does: strings cut at 70 characters,
 * collections and arrays at 8 items, maps at 4 pairs, recursion as {@code [...]}, a failing
 * {@code toString} as {@code <broken toString (Type: message)>}. No HTML: the page escapes the text.
 * Thread-safe; also used by the traceback page for captured frame variables.
 */
public final class ValueRenderer {

    public static final int STRING_LIMIT = 70;
    public static final int COLLECTION_LIMIT = 8;
    public static final int MAP_LIMIT = 4;
    /** Other objects' {@code toString} is cut here, so one huge object cannot flood the page. */
    public static final int TO_STRING_LIMIT = 500;
    private static final int MAX_DEPTH = 4;
    /**
     * A console's value is cut far later: the pane folds long values and expands them in place, so
     * the text of a long string or a big collection is there to expand (and to copy).
     */
    public static final int CONSOLE_VALUE_LIMIT = 64 * 1024;
    public static final int CONSOLE_ITEM_LIMIT = 1000;

    private final int stringLimit;
    private final int itemLimit;
    private final int mapLimit;
    /** Containers stop adding items once the text is this long. */
    private final int textLimit;

    /** Werkzeug's cuts: for the variables table and {@code dump}. */
    public ValueRenderer() {
        this(STRING_LIMIT, COLLECTION_LIMIT, MAP_LIMIT, Integer.MAX_VALUE);
    }

    private ValueRenderer(int stringLimit, int itemLimit, int mapLimit, int textLimit) {
        this.stringLimit = stringLimit;
        this.itemLimit = itemLimit;
        this.mapLimit = mapLimit;
        this.textLimit = textLimit;
    }

    /** For the value of a console's input: strings and containers cut at {@value #CONSOLE_VALUE_LIMIT} characters. */
    public static ValueRenderer forConsoleValue() {
        return new ValueRenderer(CONSOLE_VALUE_LIMIT, CONSOLE_ITEM_LIMIT, CONSOLE_ITEM_LIMIT, CONSOLE_VALUE_LIMIT);
    }

    /** The rendered value. Never throws. */
    public String render(Object value) {
        StringBuilder out = new StringBuilder();
        render(value, out, new IdentityHashMap<>(), 0);
        return out.toString();
    }

    private void render(Object value, StringBuilder out, Map<Object, Boolean> path, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence s) {
            appendString(s.toString(), out);
        } else if (value instanceof Character c) {
            out.append('\'').append(escape(String.valueOf(c))).append('\'');
        } else if (value instanceof Collection<?> || value instanceof Map<?, ?> || value.getClass().isArray()) {
            if (path.containsKey(value)) {
                out.append("[...]"); // recursion: this container is already being rendered
                return;
            }
            if (depth >= MAX_DEPTH) {
                out.append(value.getClass().getSimpleName()).append("(...)");
                return;
            }
            path.put(value, Boolean.TRUE);
            try {
                if (value instanceof Map<?, ?> map) {
                    appendMap(map, out, path, depth);
                } else if (value instanceof Collection<?> c) {
                    appendItems(c.iterator(), c.size(), "[", "]", out, path, depth);
                } else {
                    appendArray(value, out, path, depth);
                }
            } catch (RuntimeException | StackOverflowError e) {
                out.append(broken(e)); // e.g. a concurrent modification while iterating
            } finally {
                path.remove(value);
            }
        } else {
            appendToString(value, out);
        }
    }

    private void appendString(String s, StringBuilder out) {
        if (s.length() <= stringLimit) {
            out.append('"').append(escape(s)).append('"');
        } else {
            out.append('"').append(escape(s.substring(0, stringLimit))).append("\"... (")
                    .append(s.length() - stringLimit).append(" more chars)");
        }
    }

    private void appendItems(Iterator<?> it, int size, String open, String close, StringBuilder out,
                             Map<Object, Boolean> path, int depth) {
        out.append(open);
        int shown = 0;
        while (it.hasNext() && shown < itemLimit && out.length() < textLimit) {
            if (shown++ > 0) {
                out.append(", ");
            }
            render(it.next(), out, path, depth + 1);
        }
        if (size > shown) {
            out.append(shown > 0 ? ", " : "").append("... ").append(size - shown).append(" more");
        }
        out.append(close);
    }

    private void appendMap(Map<?, ?> map, StringBuilder out, Map<Object, Boolean> path, int depth) {
        out.append('{');
        int shown = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (shown == mapLimit || out.length() >= textLimit) {
                break;
            }
            if (shown++ > 0) {
                out.append(", ");
            }
            render(e.getKey(), out, path, depth + 1);
            out.append('=');
            render(e.getValue(), out, path, depth + 1);
        }
        int size = map.size();
        if (size > shown) {
            out.append(shown > 0 ? ", " : "").append("... ").append(size - shown).append(" more");
        }
        out.append('}');
    }

    private void appendArray(Object array, StringBuilder out, Map<Object, Boolean> path, int depth) {
        int length = Array.getLength(array);
        List<Object> head = new ArrayList<>();
        for (int i = 0; i < Math.min(length, itemLimit); i++) {
            head.add(Array.get(array, i));
        }
        appendItems(head.iterator(), length, "[", "]", out, path, depth);
    }

    private void appendToString(Object value, StringBuilder out) {
        String text;
        try {
            text = String.valueOf(value.toString());
        } catch (Throwable e) { // any failure, even StackOverflowError from a self-referencing toString
            out.append(broken(e));
            return;
        }
        if (text.length() > TO_STRING_LIMIT) {
            text = text.substring(0, TO_STRING_LIMIT) + "... (" + (text.length() - TO_STRING_LIMIT) + " more chars)";
        }
        out.append(text);
    }

    private static String broken(Throwable e) {
        return "<broken toString (" + e.getClass().getName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")>";
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.toString();
    }

    /** A table of variables: name, declared type, rendered value, one per line, columns aligned. */
    public String table(List<CapturedVariable> variables) {
        List<String[]> rows = new ArrayList<>();
        for (CapturedVariable v : variables) {
            String type = v.declaredType() != null ? v.declaredType()
                    : v.value() == null ? "?" : v.value().getClass().getName();
            rows.add(new String[] {v.name(), type, render(v.value())});
        }
        return align(rows);
    }

    /** An object's instance fields (declared in its class and superclasses): name, type, value. */
    public String fields(Object obj) {
        if (obj == null) {
            return "null";
        }
        List<String[]> rows = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Class<?> c = obj.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                String name = seen.add(f.getName()) ? f.getName() : c.getSimpleName() + "." + f.getName();
                String value;
                try {
                    // JDK classes in modules that are not open refuse deep reflection.
                    value = f.trySetAccessible() ? render(f.get(obj)) : "<inaccessible>";
                } catch (ReflectiveOperationException | RuntimeException e) {
                    value = "<inaccessible>";
                }
                rows.add(new String[] {name, f.getGenericType().getTypeName(), value});
            }
        }
        String head = obj.getClass().getName() + " " + render(obj);
        return rows.isEmpty() ? head + "\n(no instance fields)" : head + "\n" + align(rows);
    }

    private static String align(List<String[]> rows) {
        int w0 = 0;
        int w1 = 0;
        for (String[] r : rows) {
            w0 = Math.max(w0, r[0].length());
            w1 = Math.max(w1, r[1].length());
        }
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            out.append(pad(r[0], w0)).append("  ").append(pad(r[1], w1)).append("  ").append(r[2]).append('\n');
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
