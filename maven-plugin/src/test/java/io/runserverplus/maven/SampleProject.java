package io.runserverplus.maven;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A copy of a user project under src/it, with this build's versions in place of its
 * {@code @...@} tokens, run with this repository's {@code ./mvnw} against target/it-repo (this
 * build's artifacts, installed there by invoker:install) in front of the build's own local
 * repository (read only, for the plugins and libraries): ~/.m2 is not written to.
 */
final class SampleProject {

    private static final List<String> TOKENS = List.of("runserverplus.version", "slf4j.version", "compiler.version",
            "resources.version", "surefire.version", "jar.version", "helidon.version");

    final Path directory;

    private SampleProject(Path directory) {
        this.directory = directory;
    }

    /** Copies src/it/{name} to target/it-projects/{copyName}. */
    static SampleProject copy(String name, String copyName) throws IOException {
        Path source = Path.of("src", "it", name);
        Path target = Path.of("target", "it-projects", copyName).toAbsolutePath();
        deleteTree(target);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (file.getFileName().toString().equals("pom.xml")) {
                    String text = Files.readString(file);
                    for (String token : TOKENS) {
                        text = text.replace("@" + token + "@", System.getProperty(token));
                    }
                    Files.writeString(copy, text);
                } else {
                    Files.copy(file, copy); // as it is: a source may be in another encoding than UTF-8
                }
            }
        }
        return new SampleProject(target);
    }

    void write(String relativePath, String text) throws IOException {
        write(relativePath, text, StandardCharsets.UTF_8);
    }

    void write(String relativePath, String text, java.nio.charset.Charset encoding) throws IOException {
        Path file = directory.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, encoding);
    }

    /** Starts {@code ./mvnw <arguments>} in the project on a JDK; everything it prints is collected. */
    Run start(Path javaHome, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("it.maven.wrapper"), "-B", "-ntp",
                "-Dmaven.repo.local=" + Path.of(System.getProperty("it.repo")).toAbsolutePath(),
                "-Dmaven.repo.local.tail=" + System.getProperty("it.repo.tail")));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        // As a user types it: no JVM options for Maven (the wrapper's Maven is quiet on JDK 24+).
        builder.environment().remove("MAVEN_OPTS");
        builder.environment().remove("MAVEN_ARGS");
        return new Run(builder.start());
    }

    static final class Run implements AutoCloseable {
        final Process maven;
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final Thread reader;

        Run(Process maven) {
            this.maven = maven;
            this.reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader output = new BufferedReader(new InputStreamReader(maven.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = output.readLine(); line != null; line = output.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException ended) {
                    // Maven was stopped
                }
            });
        }

        /** Waits (generously: Maven starts, compiles and the app starts on a loaded machine) for a printed line. */
        String awaitLine(Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline) {
                for (String line : lines) {
                    if (wanted.test(line)) {
                        return line;
                    }
                }
                if (!maven.isAlive() && !reader.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the awaited line was not printed:\n" + String.join("\n", lines));
        }

        /** Waits for Maven to end by itself; returns its exit code. */
        int awaitExit() throws InterruptedException {
            if (!maven.waitFor(180, TimeUnit.SECONDS)) {
                throw new AssertionError("Maven did not end:\n" + String.join("\n", lines));
            }
            reader.join(10_000);
            return maven.exitValue();
        }

        String output() {
            return String.join("\n", lines);
        }

        @Override
        public void close() throws InterruptedException {
            List<ProcessHandle> started = maven.descendants().toList();
            maven.destroy();
            if (!maven.waitFor(30, TimeUnit.SECONDS)) {
                maven.destroyForcibly();
            }
            started.forEach(ProcessHandle::destroyForcibly); // only if a test failed before checking they ended
            reader.join(10_000);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        }
    }
}
