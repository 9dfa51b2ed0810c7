package io.runserverplus.spi;

import java.time.Duration;

/**
 * What one console input produced. All texts are plain text (the page escapes them).
 *
 * @param input the echoed input (for {@link Status#NEEDS_MORE}: the whole pending input so far)
 * @param output what the evaluation printed to System.out/err (this evaluation's threads only), possibly
 *     cut (a last line says how much), empty when nothing
 * @param value the rendered value, {@code null} when the input has no value (statements, declarations
 *     of methods or classes, errors)
 * @param error a compile error, a short traceback, or why the input was refused or stopped;
 *     {@code null} when none
 * @param status the outcome
 * @param elapsed how long the evaluation took (zero when nothing was evaluated)
 * @param note something the user should know about this evaluation besides its value, shown once
 *     (e.g. that assigning a frame's local changed only the console's copy, or that a variable is bound
 *     with a supertype of its declared type); {@code null} when none
 */
public record EvalResult(String input, String output, String value, String error, Status status,
                         Duration elapsed, String note) {

    /** A result without a note. */
    public EvalResult(String input, String output, String value, String error, Status status, Duration elapsed) {
        this(input, output, value, error, status, elapsed, null);
    }

    /** How an input ended. */
    public enum Status {
        /** Evaluated without error ({@code value} may still be {@code null}). */
        OK,
        /** The input is incomplete; the UI shows the {@code ... } continuation prompt. */
        NEEDS_MORE,
        /** A compile error or an exception thrown by the snippet. */
        ERROR,
        /** The time limit passed; the evaluation was stopped. */
        TIMEOUT,
        /** Refused before running (e.g. {@code System.exit}). */
        REFUSED,
        /** The session is closed (evicted, or closed after a snippet that could not be stopped). */
        CLOSED
    }

    /** {@code true} when the UI should prompt for more input with {@code ... }. */
    public boolean needsMore() {
        return status == Status.NEEDS_MORE;
    }

    /** The prompt the UI should show next: {@code ... } or {@code >>> }. */
    public String nextPrompt() {
        return needsMore() ? "... " : ">>> ";
    }
}
