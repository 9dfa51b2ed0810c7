package io.runserverplus.console.shell;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Captures what one evaluation prints. System.out/err are replaced once by streams that write to the
 * capture of the current thread (inherited by threads the snippet starts, including the one JShell runs
 * it on) and to the original stream otherwise, so other threads' output never lands in a result.
 */
public final class OutputCapture {

    private static final InheritableThreadLocal<OutputCapture> CURRENT = new InheritableThreadLocal<>();

    private final int limit;
    private final Charset charset;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long dropped;
    private boolean closed;

    private OutputCapture(int limit, Charset charset) {
        this.limit = limit;
        this.charset = charset;
    }

    /** Starts capturing on this thread (and threads it starts from now on). */
    public static OutputCapture begin(int limit) {
        install();
        OutputCapture capture = new OutputCapture(limit, System.out.charset());
        CURRENT.set(capture);
        return capture;
    }

    /** Stops capturing; threads that inherited this capture write to the original streams again. */
    public String end() {
        CURRENT.remove();
        synchronized (this) {
            closed = true;
            String text = bytes.toString(charset);
            return dropped == 0 ? text
                    : text + (text.endsWith("\n") ? "" : "\n") + "[output cut: " + dropped + " more bytes]";
        }
    }

    /** Returns false when closed, so the caller writes to the original stream. */
    private synchronized boolean write(byte[] b, int off, int len) {
        if (closed) {
            return false;
        }
        int room = (int) Math.max(0, limit - bytes.size());
        int kept = Math.min(room, len);
        bytes.write(b, off, kept);
        dropped += len - kept;
        return true;
    }

    /** Replaces System.out/err once (again if someone replaced them since). */
    static synchronized void install() {
        if (!(System.out instanceof Routing)) {
            System.setOut(new Routing(System.out));
        }
        if (!(System.err instanceof Routing)) {
            System.setErr(new Routing(System.err));
        }
    }

    private static final class Routing extends PrintStream {
        Routing(PrintStream original) {
            super(new RoutingStream(original), true, original.charset());
        }
    }

    /** Writes to the current thread's capture, else to the original stream. */
    private static final class RoutingStream extends OutputStream {
        private final PrintStream original;

        RoutingStream(PrintStream original) {
            this.original = original;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            OutputCapture capture = CURRENT.get();
            if (capture == null || !capture.write(b, off, len)) {
                original.write(b, off, len);
            }
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
