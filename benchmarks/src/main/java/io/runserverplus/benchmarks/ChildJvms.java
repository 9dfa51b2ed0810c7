package io.runserverplus.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** What the benchmarks share to start child JVMs and to wait for the servers in them. */
final class ChildJvms {

    private ChildJvms() {
    }

    /** This JVM's {@code java}, so that the children run on the same JDK. */
    static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Runs a child to its end and returns what it printed on standard output, one entry a line;
     * throws when it exits with another status than 0.
     *
     * @param stderr where the child's standard error goes
     * @param child  what the child is, for the message when it fails
     */
    static List<String> outputOf(List<String> command, ProcessBuilder.Redirect stderr, String child) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(stderr).start();
        List<String> lines;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            lines = out.lines().toList();
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(child + " failed (" + process.exitValue() + "): " + command + "\n"
                    + String.join("\n", lines));
        }
        return lines;
    }

    /** A port that is free now, for a child told which port to listen on. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Asks {@code http://127.0.0.1:<port>/} until it answers 200 (for 60 s at most, and only while
     * {@code process} is alive), and returns {@code clock}'s reading at that moment.
     *
     * @param server what listens there, for the message when it never answers
     */
    static long awaitFirstResponse(int port, Process process, LongSupplier clock, String server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL()
                        .openConnection();
                connection.setConnectTimeout(200);
                if (connection.getResponseCode() == 200) {
                    return clock.getAsLong();
                }
            } catch (IOException notYet) {
                Thread.sleep(2);
            }
        }
        throw new IOException(server + " did not answer on port " + port + " within 60 s (alive: " + process.isAlive()
                + ")");
    }
}
