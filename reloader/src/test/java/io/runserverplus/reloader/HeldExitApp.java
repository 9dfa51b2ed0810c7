package io.runserverplus.reloader;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child for {@link ChildProcessTest}: it creates a hooks-done file as a serving app does, and
 * keeps a thread waiting in native code ({@code accept}), which holds its JVM's exit back by about
 * 300 ms after the shutdown hooks, as the JDK's virtual-thread poller does in a Helidon app.
 */
public final class HeldExitApp {

    private HeldExitApp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            Path hooksDone = Files.writeString(Path.of(args[0]), "");
            hooksDone.toFile().deleteOnExit();
        }
        var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            try {
                server.accept();
            } catch (IOException closed) {
                // not before the JVM exits
            }
        });
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
