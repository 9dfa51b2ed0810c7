package io.runserverplus.reloader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides which paths the detectors ignore: editors' temporary files ({@link EditorTempFiles}) and
 * what the user's globs match. Both detectors use this one class so that a pattern means the same to
 * {@code watch} and {@code poll} (Werkzeug's differ: werkzeug #2561).
 *
 * <p>A glob matches a path if it matches the path relative to its root ({@code src/gen/A.class}) or
 * its file name ({@code A.class}). {@code *} and {@code ?} stay within one name, {@code **} crosses
 * directories, and a leading {@code **}{@code /} may match nothing, so {@code **}{@code /generated/**}
 * also excludes {@code generated/} at the top of a root. A directory is tested with a trailing
 * slash too, so that pattern excludes the directory itself and detectors skip the whole tree.
 * Separators are always {@code /}, whatever the platform.
 */
final class ExcludeMatcher {

    private static final ExcludeMatcher NONE = new ExcludeMatcher(List.of());

    private final List<Pattern> patterns;

    private ExcludeMatcher(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    static ExcludeMatcher of(List<String> globs) {
        if (globs.isEmpty()) {
            return NONE;
        }
        var compiled = new ArrayList<Pattern>();
        for (String glob : globs) {
            String g = glob.strip().replace('\\', '/');
            if (g.isEmpty()) {
                continue;
            }
            compiled.add(Pattern.compile(toRegex(g)));
            if (g.startsWith("**/")) {
                compiled.add(Pattern.compile(toRegex(g.substring(3))));
            }
        }
        return new ExcludeMatcher(List.copyOf(compiled));
    }

    boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Whether {@code path}, found under {@code root}, is excluded, or an editor's temporary file. */
    boolean excludes(Path root, Path path, boolean directory) {
        if (path.equals(root)) {
            return false;
        }
        Path file = path.getFileName();
        if (!directory && file != null && EditorTempFiles.isTemporary(file.toString())) {
            return true;
        }
        if (patterns.isEmpty()) {
            return false;
        }
        String relative = path.startsWith(root)
                ? root.relativize(path).toString().replace('\\', '/')
                : path.toString().replace('\\', '/');
        Path fileName = path.getFileName();
        String name = fileName == null ? relative : fileName.toString();
        for (Pattern p : patterns) {
            if (p.matcher(relative).matches() || p.matcher(name).matches()
                    || (directory && p.matcher(relative + "/").matches())) {
                return true;
            }
        }
        return false;
    }

    static String toRegex(String glob) {
        var re = new StringBuilder(glob.length() * 2);
        boolean inClass = false;
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                    re.append(']');
                } else if (c == '\\' || c == '[' || c == '&' || c == '^' && re.charAt(re.length() - 1) != '[') {
                    re.append('\\').append(c);
                } else {
                    re.append(c == '!' && re.charAt(re.length() - 1) == '[' ? '^' : c);
                }
                continue;
            }
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        re.append(".*");
                        i++;
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    inClass = true;
                    re.append('[');
                }
                case '{' -> {
                    braces++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (braces > 0) {
                        braces--;
                        re.append(')');
                    } else {
                        re.append("\\}");
                    }
                }
                case ',' -> re.append(braces > 0 ? "|" : ",");
                default -> {
                    if ("\\.^$+()|".indexOf(c) >= 0) {
                        re.append('\\');
                    }
                    re.append(c);
                }
            }
        }
        if (inClass || braces > 0) {
            throw new ReloaderException("The exclude pattern '" + glob
                    + "' has an unclosed '[' or '{'; close it or escape it.");
        }
        return re.toString();
    }
}
