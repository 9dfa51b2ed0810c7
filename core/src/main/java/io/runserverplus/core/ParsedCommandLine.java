package io.runserverplus.core;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The settings the supervisor's command line gave, handed to each child in its environment: the
 * child runs with the same arguments, and parsing them again (picocli's few hundred classes, cold)
 * was a fifth of the time from a change to the new app serving.
 */
final class ParsedCommandLine {

    /** The environment variable holding the parsed settings, as Base64 of a properties text. */
    static final String ENVIRONMENT = "RUNSERVERPLUS_COMMAND_LINE";

    private ParsedCommandLine() {
    }

    static String encode(Map<String, String> given) {
        var properties = new Properties();
        properties.putAll(given);
        var text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return Base64.getEncoder().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** What {@link #encode} wrote, or empty when {@code value} is absent or garbled (then the child parses its arguments). */
    static Optional<Map<String, String>> decode(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            var properties = new Properties();
            properties.load(new StringReader(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
            var given = new TreeMap<String, String>();
            properties.stringPropertyNames().forEach(name -> given.put(name, properties.getProperty(name)));
            return Optional.of(Map.copyOf(given));
        } catch (IllegalArgumentException | IOException garbled) {
            return Optional.empty();
        }
    }
}
