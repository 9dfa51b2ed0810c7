package io.runserverplus.core.settings;

/**
 * A setting the user gave cannot be used. The message is one sentence that names the value and
 * says how to fix it; it is shown as it is, without a stack trace.
 */
public class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message, null, false, false);
    }
}
