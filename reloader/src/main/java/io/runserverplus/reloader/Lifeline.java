package io.runserverplus.reloader;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The supervisor's end of the connection each child holds open to notice the supervisor's death
 * without polling: the kernel closes the supervisor's sockets when it dies (even by {@code kill -9}),
 * and the child's blocked read returns at once. Nothing is ever sent to the child; a child proves it
 * is one of ours with the token from its environment, any other connection is closed. One per
 * supervisor JVM, opened with the first child's environment; idle it costs no wake-ups (its threads
 * block in {@code accept} and {@code read}).
 */
final class Lifeline {

    /** {@code <port>:<token>} in the child's environment. */
    static final String ENV = "RUNSERVERPLUS_LIFELINE";
    private static final int TOKEN_BYTES = 16;
    private static final int TOKEN_WAIT_MILLIS = 5_000;
    private static String address;

    private Lifeline() {
    }

    /** The value of {@link #ENV} for a child, or null when no loopback socket could be opened. */
    static synchronized String environmentValue() {
        if (address == null) {
            try {
                var server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
                byte[] token = new byte[TOKEN_BYTES];
                new SecureRandom().nextBytes(token);
                String hex = HexFormat.of().formatHex(token);
                Thread.ofPlatform().daemon().name("runserverplus-lifeline").start(() -> accept(server, hex));
                address = server.getLocalPort() + ":" + hex;
            } catch (IOException e) {
                return null; // the children poll for the supervisor instead
            }
        }
        return address;
    }

    private static void accept(ServerSocket server, String token) {
        while (true) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            // Held by its thread until the child goes: a socket collected would close and stop the child.
            Thread.ofVirtual().name("runserverplus-lifeline-child").start(() -> hold(socket, token));
        }
    }

    private static void hold(Socket socket, String token) {
        try (socket; InputStream in = socket.getInputStream()) {
            socket.setSoTimeout(TOKEN_WAIT_MILLIS);
            byte[] expected = token.getBytes(StandardCharsets.US_ASCII);
            byte[] got = in.readNBytes(expected.length);
            if (!MessageDigest.isEqual(expected, got)) {
                return;
            }
            socket.setSoTimeout(0);
            while (in.read() >= 0) {
                // a child sends nothing more; the read returns -1 when it exits
            }
        } catch (IOException e) {
            // the child is gone, or never proved it was one
        }
    }
}
