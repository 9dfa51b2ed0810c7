package io.runserverplus.examples.javalin;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test that runs the demo (or another app of these tests) under its supervisor, as a user
 * starts it: a directory of its own, the supervisor's process, stopped after each test with every
 * app JVM it started, and an HTTP client.
 */
abstract class SupervisedDemoTest {

    @TempDir
    Path temp;

    /** Set by the test when it starts the supervisor. */
    Process supervisor;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stopSupervisor() throws Exception {
        DemoFiles.stopSupervisor(supervisor);
    }
}
