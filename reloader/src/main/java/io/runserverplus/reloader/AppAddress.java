package io.runserverplus.reloader;

import io.runserverplus.spi.ReloaderProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the app serves, as far as the supervisor knows: the address a setting named, or, when none
 * did, the one the first child chose with the app's own settings (it writes it in
 * {@value ReloaderProvider#OWN_ADDRESS_FILE} beside the serving file); after port 0, the port the
 * first child got (its serving file holds "pid port"). Later children are handed this address, so
 * a reload keeps the browser's URL, and the failure pages are served there.
 */
final class AppAddress {

    /** Null until known: no setting named one and no child has chosen yet. */
    private String host;
    /** 0 until known. */
    private int port;

    /** @param host null when the app's own settings decide (the first child says where) */
    AppAddress(String host, int port) {
        this.host = host;
        this.port = host == null ? 0 : port;
    }

    /** Reads what the last child said, for what is not known yet. */
    void learnFrom(Path servingFile) {
        if (servingFile == null) {
            return;
        }
        if (host == null) {
            readOwnAddress(servingFile.resolveSibling(ReloaderProvider.OWN_ADDRESS_FILE));
        }
        if (host != null && port == 0) {
            port = ServingFile.port(servingFile).orElse(0);
        }
    }

    private void readOwnAddress(Path file) {
        try {
            String text = Files.isRegularFile(file) ? Files.readString(file).strip() : "";
            int space = text.lastIndexOf(' ');
            if (space > 0) {
                int chosenPort = Integer.parseInt(text.substring(space + 1));
                if (chosenPort >= 0 && chosenPort <= 65_535) {
                    host = text.substring(0, space);
                    port = chosenPort;
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            // not chosen yet, as far as we can tell
        }
    }

    /** Whether the host is known (a setting named it, or a child chose it). */
    boolean hostKnown() {
        return host != null;
    }

    /** The host, or null when not known yet. */
    String host() {
        return host;
    }

    /** The port, or 0 when not known yet. */
    int port() {
        return port;
    }

    /** For a child's {@value ReloaderProvider#ADDRESS_ENV}: "host port"; null when the child is to choose. */
    String forChild() {
        return host == null ? null : host + " " + port;
    }
}
