package io.runserverplus.console.shell;

import io.runserverplus.console.agent.ExitGuard;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Token-level checks of snippet source: a cheap scanner, no parsing. */
public final class SourceScan {

    /** Calls that would end the JVM, spelled plainly (see {@link #refusal}). */
    private static final Pattern EXIT_CALL = Pattern.compile("\\b(exit|halt)\\s*\\(|::\\s*(exit|halt)\\b");
    private static final Pattern EXIT_OWNER = Pattern.compile("\\b(System|Runtime)\\b");

    private SourceScan() {
    }

    /** The source with comments and string, text-block and char literals blanked out. */
    public static String code(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(n, j + 1);
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * The source with comments and the text of string, text-block and char literals replaced by spaces
     * (the quotes and line breaks stay): same length, so positions in it are positions in the source.
     */
    public static String mask(String src) {
        char[] out = src.toCharArray();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            int end;
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                end = src.indexOf('\n', i);
                end = end < 0 ? n : end;
                blank(out, i, end);
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(out, i, end);
            } else if (src.startsWith("\"\"\"", i)) {
                end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                blank(out, i + 3, Math.max(i + 3, end - 3));
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                end = Math.min(n, j + 1);
                blank(out, i + 1, Math.min(n, j));
            } else {
                end = i + 1;
            }
            i = end;
        }
        return new String(out);
    }

    private static void blank(char[] out, int from, int to) {
        for (int k = from; k < to; k++) {
            if (out[k] != '\n') {
                out[k] = ' ';
            }
        }
    }

    /** Simple names used in the code (not after a dot), in order of first use. */
    public static Set<String> names(String src) {
        String code = code(src);
        Set<String> names = new LinkedHashSet<>();
        int i = 0;
        while (i < code.length()) {
            if (Character.isJavaIdentifierStart(code.charAt(i))) {
                int start = i;
                while (i < code.length() && Character.isJavaIdentifierPart(code.charAt(i))) {
                    i++;
                }
                int before = start - 1;
                while (before >= 0 && Character.isWhitespace(code.charAt(before))) {
                    before--;
                }
                if (before < 0 || code.charAt(before) != '.') {
                    names.add(code.substring(start, i));
                }
            } else if (Character.isDigit(code.charAt(i))) {
                while (i < code.length() && Character.isJavaIdentifierPart(code.charAt(i))) {
                    i++; // a number like 1L or 0xFF is not a name
                }
            } else {
                i++;
            }
        }
        return names;
    }

    /** Why the source is refused, or {@code null}. */
    public static String refusal(String src) {
        // The fallback when the agent's ExitGuard is not installed: calls that would end the JVM, as
        // far as the source shows them (reflection, unicode escapes and called code escape it).
        String code = code(src);
        if (EXIT_CALL.matcher(code).find() && EXIT_OWNER.matcher(code).find()) {
            return ExitGuard.MESSAGE;
        }
        return null;
    }
}
