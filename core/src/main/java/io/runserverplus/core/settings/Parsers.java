package io.runserverplus.core.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Text-to-value parsers shared by every spelling of a setting; messages name the text and the fix. */
final class Parsers {
    private Parsers() {
    }

    static boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new SettingsException("\"" + text + "\" is not true or false.");
        };
    }

    /** Seconds as runserver_plus takes them, fractions allowed: {@code 1}, {@code 0.5}. */
    static Duration seconds(String text) {
        return positiveSeconds("The reloader interval", text);
    }

    /** The console's time limit in seconds, fractions allowed. */
    static Duration consoleTimeLimit(String text) {
        return positiveSeconds("The console's time limit", text);
    }

    private static Duration positiveSeconds(String what, String text) {
        double seconds;
        try {
            seconds = Double.parseDouble(text.strip());
        } catch (NumberFormatException notANumber) {
            throw new SettingsException("\"" + text + "\" is not a number of seconds; use a positive number such as 1 or 0.5.");
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new SettingsException(what + " must be more than 0 seconds, not " + text.strip()
                    + "; use a positive number such as 1 or 0.5.");
        }
        return Duration.ofNanos((long) (seconds * 1_000_000_000L));
    }

    /** A list given as one text: entries separated by commas or new lines, blanks dropped. */
    static List<String> list(String text) {
        return Arrays.stream(text.split("[,\n]")).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }

    /** Trusted host names: names or IP addresses, a leading dot for a domain's subdomains. */
    static List<String> hosts(String text) {
        List<String> hosts = list(text);
        for (String host : hosts) {
            String name = host.startsWith(".") ? host.substring(1) : host;
            if (!HostNames.isHost(name)) {
                throw new SettingsException("\"" + host + "\" is not a host name or IP address; give names such as"
                        + " myapp.test or 192.168.1.20 (a leading dot trusts subdomains), without ports.");
            }
        }
        return hosts;
    }

    /** A path such as {@code /console}, or {@code off}. */
    static Optional<String> consolePath(String text) {
        String path = text.strip();
        if (path.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        if (!path.matches("/[A-Za-z0-9._~/-]*") || path.startsWith("/__debugger__")) {
            throw new SettingsException("\"" + text + "\" is not a console path; give a path such as /console"
                    + " (letters, digits, '-', '_', '.', '/', not under /__debugger__/), or off.");
        }
        return Optional.of(path);
    }

    /**
     * Directories, relative to each watched class-path directory, whose changes are served without
     * a restart ({@code public}, {@code META-INF/resources}), or {@code off} for none.
     */
    static List<String> staticLocations(String text) {
        if (text.strip().equalsIgnoreCase("off")) {
            return List.of();
        }
        List<String> locations = new java.util.ArrayList<>();
        for (String entry : list(text)) {
            String location = entry.replace('\\', '/').replaceAll("^/+|/+$", "");
            if (location.isEmpty() || location.matches("(.*/)?\\.\\.(/.*)?")
                    || location.contains(":")) {
                throw new SettingsException("\"" + entry + "\" is not a static location; give a directory relative"
                        + " to the class path's directories, such as public or META-INF/resources, or off.");
            }
            locations.add(location);
        }
        return List.copyOf(locations);
    }

    static List<Path> paths(String text) {
        return list(text).stream().map(Path::of).toList();
    }
}
