package io.runserverplus.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The JDKs a start is checked on: the one running the tests (the newest in CI) and a JDK 21 when the machine has one. */
final class Jdks {

    private Jdks() {
    }

    static List<Path> toCheck() throws IOException {
        List<Path> jdks = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        Path installed = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(installed) && Runtime.version().feature() != 21) {
            try (Stream<Path> candidates = Files.list(installed)) {
                candidates.filter(jdk -> Files.isExecutable(jdk.resolve("bin/javac")) && !Files.isSymbolicLink(jdk))
                        .filter(jdk -> feature(jdk) == 21)
                        .findFirst()
                        .ifPresent(jdks::add);
            }
        }
        return jdks;
    }

    /** The feature version of a JDK, read from its release file. */
    static int feature(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            return 0;
        }
        return 0;
    }
}
