package io.runserverplus.reloader;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes whole lines equal to one of a few known lines from a child's output, passing everything
 * else on as it arrives. A line is held back only while what came of it so far is the start of a
 * dropped line, so prompts and progress without a newline still show at once; a line that turns
 * out to be different is passed on whole. Not thread-safe: one per stream.
 */
final class LineDropper {

    /**
     * What HotSpot prints (on stderr, in three writes) at the start of a child whose {@code
     * -javaagent}, such as the console's, appended to the boot class path: noise at every reload.
     */
    static final String CDS_WARNING = "Sharing is only supported for boot loader classes because bootstrap"
            + " classpath has been appended";

    private final byte[][] lines;
    private final byte[] held;
    private int length;      // bytes of the current line held back
    private int candidates;  // bit i: the held bytes are the start of lines[i]
    private boolean passing; // the current line is not one to drop: pass it on until its end

    LineDropper(List<String> lines) {
        if (lines.isEmpty() || lines.size() > Integer.SIZE) {
            throw new IllegalArgumentException("1 to 32 lines, not " + lines.size());
        }
        this.lines = new byte[lines.size()][];
        int max = 0;
        for (int i = 0; i < this.lines.length; i++) {
            this.lines[i] = lines.get(i).getBytes(StandardCharsets.UTF_8);
            max = Math.max(max, this.lines[i].length);
        }
        this.held = new byte[max + 1]; // + a '\r' before the '\n'
        startLine();
    }

    /** For a child JVM: drops HotSpot's {@link #CDS_WARNING}, as the usual VM names print it. */
    static LineDropper forChildJvm() {
        Set<String> names = new LinkedHashSet<>();
        names.add(System.getProperty("java.vm.name", "OpenJDK 64-Bit Server VM"));
        names.add("OpenJDK 64-Bit Server VM");
        names.add("Java HotSpot(TM) 64-Bit Server VM");
        return new LineDropper(names.stream().map(name -> name + " warning: " + CDS_WARNING).toList());
    }

    /** The most bytes {@link #filter} can return for {@code n} bytes in. */
    int maxOutput(int n) {
        return n + held.length;
    }

    /**
     * Filters {@code n} bytes of {@code in}; writes what is to be passed on to {@code out} (at
     * least {@link #maxOutput}{@code (n)} long) and returns how many bytes that is.
     */
    int filter(byte[] in, int n, byte[] out) {
        int o = 0;
        for (int i = 0; i < n; i++) {
            byte b = in[i];
            if (passing) {
                out[o++] = b;
                if (b == '\n') {
                    startLine();
                }
                continue;
            }
            if (b == '\n' && completes()) {
                startLine(); // a dropped line, with its '\n'
                continue;
            }
            int still = stillMatching(b);
            if (still != 0) {
                held[length++] = b;
                candidates = still;
                continue;
            }
            System.arraycopy(held, 0, out, o, length);
            o += length;
            length = 0;
            out[o++] = b;
            if (b == '\n') {
                startLine();
            } else {
                passing = true;
            }
        }
        return o;
    }

    /** At the end of the stream: what is still held back (an unfinished line), to pass on. */
    int finish(byte[] out) {
        int o = length;
        System.arraycopy(held, 0, out, 0, length);
        startLine();
        return o;
    }

    private void startLine() {
        length = 0;
        passing = false;
        candidates = (int) ((1L << lines.length) - 1);
    }

    /** Whether the held bytes are a whole line to drop, optionally followed by '\r'. */
    private boolean completes() {
        for (int i = 0; i < lines.length; i++) {
            if ((candidates & (1 << i)) != 0) {
                int end = lines[i].length;
                if (length == end || length == end + 1 && held[end] == '\r') {
                    return true;
                }
            }
        }
        return false;
    }

    /** The candidates that still match once {@code b} is added to the held bytes. */
    private int stillMatching(byte b) {
        int still = 0;
        for (int i = 0; i < lines.length; i++) {
            if ((candidates & (1 << i)) != 0) {
                byte[] line = lines[i];
                boolean next = length < line.length ? line[length] == b : length == line.length && b == '\r';
                if (next) {
                    still |= 1 << i;
                }
            }
        }
        return still;
    }
}
