package io.runserverplus.console.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's argument: {@code key=value} pairs separated by {@code ;}, for example
 * {@code packages=com.acme,org.example;cache=none;verbose}.
 *
 * <ul>
 *   <li>{@code packages}: also instrument these packages (and their subpackages) wherever their
 *       classes come from, jars and {@code io.runserverplus} included;
 *   <li>{@code cache}: a directory for transformed classes, or {@code none}; default
 *       {@code ${java.io.tmpdir}/runserverplus-agent-cache};
 *   <li>{@code verbose}: print to stderr each class skipped or failed.
 * </ul>
 *
 * @param packages internal-name prefixes, each ending in {@code /}
 */
record AgentOptions(List<String> packages, Path cache, boolean verbose) {
    static AgentOptions parse(String argument) {
        List<String> packages = new ArrayList<>();
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "runserverplus-agent-cache");
        boolean verbose = false;
        for (String part : argument == null ? new String[0] : argument.split(";")) {
            String item = part.strip();
            int eq = item.indexOf('=');
            String key = eq < 0 ? item : item.substring(0, eq).strip();
            String value = eq < 0 ? "" : item.substring(eq + 1).strip();
            switch (key) {
                case "packages" -> {
                    for (String name : value.split(",")) {
                        if (!name.isBlank()) {
                            packages.add(name.strip().replace('.', '/') + "/");
                        }
                    }
                }
                case "cache" -> cache = value.equals("none") || value.isEmpty() ? null : Path.of(value);
                case "verbose" -> verbose = true;
                case "" -> { }
                default -> System.err.println("runserverplus-agent: ignoring unknown option " + key);
            }
        }
        return new AgentOptions(List.copyOf(packages), cache, verbose);
    }
}
