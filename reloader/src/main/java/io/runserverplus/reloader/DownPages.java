package io.runserverplus.reloader;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The supervisor's page on the app's port while the app is not running: why it stopped, with its
 * last output, or the errors of the last save ({@link SupervisorPage}), up until the app starts
 * again. None while the supervisor does not know the port yet (port 0, or the app's own settings,
 * before an app JVM has said which).
 */
final class DownPages {

    private final SupervisorSettings settings;
    private final OutputTail tail;
    private FailurePage open;

    DownPages(SupervisorSettings settings, OutputTail tail) {
        this.settings = settings;
        this.tail = tail;
    }

    /**
     * One line on the terminal; on the app's port, the reason and the app's last output, in its
     * own words (not the child's command line: kilobytes of class path that say nothing of why).
     */
    void appDown(String terminalLine, String reason, AppAddress address) {
        settings.err().println(" * " + terminalLine);
        if (address.port() <= 0) {
            return;
        }
        var text = new StringBuilder()
                .append("RunServerPlus: the app is not running.\n\n")
                .append(reason).append('\n')
                .append("It restarts when a watched file changes.\n\n")
                .append("Last output of the app:\n\n");
        for (String line : tail.lines()) {
            text.append(line).append('\n');
        }
        show(new SupervisorPage.AppDown(text.toString()), address);
    }

    /** Serves {@code page} on the app's address instead of the one shown before. */
    void show(SupervisorPage page, AppAddress address) {
        close();
        if (address.port() <= 0) {
            return;
        }
        String host = address.host();
        try {
            open = FailurePage.open(new InetSocketAddress(host, address.port()), page,
                    header -> settings.trustedHost().test(header, host));
        } catch (IOException e) {
            settings.err().println(" * Cannot show the failure page on port " + address.port() + ": " + e.getMessage());
        }
    }

    /** The app starts (or the supervisor stops): its port is free again. */
    void close() {
        if (open != null) {
            open.close();
            open = null;
        }
    }
}
