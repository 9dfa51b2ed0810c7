package io.runserverplus.core.server;

import java.io.PrintStream;

/**
 * The console the developer watches. Colours only when it is a real terminal and
 * {@code NO_COLOR} is not set (no-color.org), so logs redirected to a file stay clean.
 */
public final class Terminal {

    private final PrintStream out;
    private final boolean colors;

    public Terminal(PrintStream out, boolean colors) {
        this.out = out;
        this.colors = colors;
    }

    /** Standard output, coloured when it is an interactive terminal. */
    public static Terminal standardOutput() {
        return new Terminal(System.out, System.getenv("NO_COLOR") == null && isInteractive());
    }

    public PrintStream out() {
        return out;
    }

    public boolean colors() {
        return colors;
    }

    /** The text wrapped in the ANSI style (e.g. {@code "1;31"} for bold red) when colours are on. */
    public String style(String ansi, String text) {
        return colors && !ansi.isEmpty() ? "\u001b[" + ansi + "m" + text + "\u001b[0m" : text;
    }

    public void println(String line) {
        out.println(line);
    }

    private static boolean isInteractive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        // From Java 22 System.console() may exist with output redirected; isTerminal() tells.
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException java21) {
            return true;
        }
    }
}
