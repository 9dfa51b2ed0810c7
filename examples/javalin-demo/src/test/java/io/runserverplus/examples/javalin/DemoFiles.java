package io.runserverplus.examples.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the tests that run the demo as a user would need: a copy of its classes, a free port, and
 * a stop of its supervisor that leaves no app JVM behind.
 */
final class DemoFiles {
    private DemoFiles() {
    }

    /** A port nobody listens on right now (the demo gets it as its addrport). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops a supervisor as a terminal's Ctrl+C or SIGTERM does; returns once it and every app JVM it started are gone. */
    static void stopSupervisor(Process supervisor) throws Exception {
        if (supervisor == null) {
            return;
        }
        List<ProcessHandle> children = supervisor.descendants().toList();
        supervisor.destroy();
        assertThat(supervisor.waitFor(20, TimeUnit.SECONDS)).as("supervisor stopped").isTrue();
        for (ProcessHandle child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
            assertThat(child.isAlive()).as("no app JVM left behind").isFalse();
        }
    }

    /** Copies a directory tree, e.g. target/classes, so a test can change classes without touching the build. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
