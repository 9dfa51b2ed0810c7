package io.runserverplus.reloader;

/** A reloader problem a user can fix, such as an unknown reloader type; the message says how. */
public final class ReloaderException extends IllegalArgumentException {

    public ReloaderException(String message) {
        super(message);
    }

    public ReloaderException(String message, Throwable cause) {
        super(message, cause);
    }
}
