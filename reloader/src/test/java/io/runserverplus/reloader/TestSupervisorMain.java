package io.runserverplus.reloader;

import io.runserverplus.spi.WatchRequest;
import java.nio.file.Path;
import java.util.List;

/** A supervisor in its own JVM, so a test can kill it: {@code TestSupervisorMain <dir> <port>}. */
public final class TestSupervisorMain {

    private TestSupervisorMain() {
    }

    public static void main(String[] args) {
        Supervisor.builder()
                .mainClass(TestApp.class)
                .args(List.of(args[0], args[1]))
                .port(Integer.parseInt(args[1]))
                .reloaderType("poll")
                .watch(WatchRequest.of(List.of(Path.of(args[0], "src"))))
                .build()
                .run();
    }
}
