package io.runserverplus.benchmarks.app;

/** What the service layer throws when an order cannot be placed. */
public final class OrderFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OrderFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
