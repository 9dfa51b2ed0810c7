package io.runserverplus.core.settings;

/** The original's wording, and its exit code 1 (not 2), for a port another program holds. */
public final class PortInUseException extends SettingsException {
    private static final long serialVersionUID = 1L;

    public PortInUseException(int port) {
        super("Port " + port + " is in use by another program. Either identify and stop that program,"
                + " or start the server with a different port.");
    }
}
