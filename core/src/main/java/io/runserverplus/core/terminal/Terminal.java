package io.runserverplus.core.terminal;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Where the banner and request lines go. When the application has a logging backend for
 * {@link System.Logger} (for example SLF4J's {@code slf4j-jdk-platform-logging}, or a configured
 * java.util.logging), they go to the logger named {@code runserverplus} at INFO, so users route them
 * as they route everything else; without one they are printed on standard output, so nobody loses
 * them. Colours only on a real terminal, and never when {@code NO_COLOR} is set (no-color.org).
 */
public final class Terminal {

    public static final String LOGGER_NAME = "runserverplus";

    private final PrintStream out;
    private final boolean colors;
    private final Optional<System.Logger> logger;
    private final boolean asciiBytes;

    public Terminal(PrintStream out, boolean colors) {
        this(out, colors, Optional.empty());
    }

    /** @param logger when present, lines go there instead of {@code out} */
    public Terminal(PrintStream out, boolean colors, Optional<System.Logger> logger) {
        this.out = out;
        this.colors = colors && logger.isEmpty();
        this.logger = logger;
        this.asciiBytes = logger.isEmpty() && writesAsciiAsAscii(out.charset());
    }

    private static boolean writesAsciiAsAscii(java.nio.charset.Charset charset) {
        byte[] ascii = new byte[128];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) i;
        }
        try {
            return java.util.Arrays.equals(new String(ascii, java.nio.charset.StandardCharsets.US_ASCII)
                    .getBytes(charset), ascii);
        } catch (UnsupportedOperationException cannotEncode) {
            return false;
        }
    }

    /** Standard output, or the {@code runserverplus} logger when a logging backend is set up. */
    public static Terminal standardOutput() {
        Optional<System.Logger> logger = LoggingBackend.isConfigured()
                ? Optional.of(System.getLogger(LOGGER_NAME)) : Optional.empty();
        return new Terminal(System.out, System.getenv("NO_COLOR") == null && isInteractive(), logger);
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
        if (logger.isPresent()) {
            logger.get().log(System.Logger.Level.INFO, line);
        } else {
            out.println(line);
        }
    }

    /** Whether lines go to the {@code runserverplus} logger rather than the console. */
    public boolean routesToLogger() {
        return logger.isPresent();
    }

    /**
     * Whether {@link #printAscii} may be used: lines go to the console, whose charset writes ASCII
     * text as its bytes (UTF-8, ISO-8859-1, windows-1252, ...).
     */
    public boolean takesAsciiBytes() {
        return asciiBytes;
    }

    /** Whole lines of ASCII text as bytes, terminators included, written at once (only if {@link #takesAsciiBytes()}). */
    public void printAscii(byte[] text, int length) {
        out.write(text, 0, length);
        out.flush();
    }

    /** Several lines at once (the request log's batches): one write on a console. */
    public void printLines(java.util.List<String> lines) {
        if (logger.isPresent()) {
            lines.forEach(this::println);
            return;
        }
        StringBuilder block = new StringBuilder(lines.size() * 96);
        lines.forEach(line -> block.append(line).append(System.lineSeparator()));
        out.print(block);
        out.flush();
    }

    /** Lines that must reach the console whatever logging does (the PIN): printed, and logged too. */
    public void printAlways(String line) {
        out.println(line);
        out.flush();
        logger.ifPresent(log -> log.log(System.Logger.Level.INFO, line));
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
