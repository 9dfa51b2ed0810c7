package io.runserverplus.core.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code --browser}: opens the URL in the developer's browser once the server accepts connections.
 * Honours {@code $BROWSER} (as Python's webbrowser module does), else the desktop's opener
 * ({@code xdg-open}, {@code open}, {@code start}); where none works it says so and moves on.
 */
public final class BrowserOpener {
    private BrowserOpener() {
    }

    /** In the background: wait until the port answers (up to a minute), then open the URL. */
    public static void openWhenServing(String url, Consumer<String> out) {
        Thread.ofPlatform().daemon().name("runserverplus-browser").start(() -> {
            if (awaitServing(URI.create(url))) {
                open(url, out);
            }
        });
    }

    static void open(String url, Consumer<String> out) {
        List<String> command = command(url);
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException noOpener) {
            out.accept(" * Open " + url + " in your browser (no browser could be started from here: "
                    + noOpener.getMessage() + ").");
        }
    }

    private static List<String> command(String url) {
        String browser = System.getenv("BROWSER");
        if (browser != null && !browser.isBlank()) {
            return List.of(browser.strip(), url);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return List.of("open", url);
        }
        if (os.contains("win")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", url);
        }
        return List.of("xdg-open", url);
    }

    private static boolean awaitServing(URI url) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(url.getHost().replace("[", "").replace("]", ""), url.getPort()), 1_000);
                return true;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException stop) {
                    return false;
                }
            }
        }
        return false;
    }
}
