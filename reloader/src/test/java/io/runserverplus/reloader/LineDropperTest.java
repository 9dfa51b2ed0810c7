package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDropperTest {

    private static final String WARNING = System.getProperty("java.vm.name") + " warning: "
            + LineDropper.CDS_WARNING;

    private final LineDropper dropper = LineDropper.forChildJvm();
    private final ByteArrayOutputStream passed = new ByteArrayOutputStream();

    /** Feeds one read's worth of output; returns what was passed on for it. */
    private String feed(String chunk) {
        byte[] in = chunk.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[dropper.maxOutput(in.length)];
        int n = dropper.filter(in, in.length, out);
        passed.write(out, 0, n);
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private String end() {
        byte[] out = new byte[dropper.maxOutput(0)];
        int n = dropper.finish(out);
        passed.write(out, 0, n);
        return passed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCdsWarningIsDroppedWhenItArrivesInTheJvmsThreeWrites() {
        feed("starting\n");
        feed(System.getProperty("java.vm.name") + " warning: ");
        feed(LineDropper.CDS_WARNING);
        feed("\n");
        feed("serving\n");
        assertThat(end()).isEqualTo("starting\nserving\n");
    }

    @Test
    void theCdsWarningIsDroppedWithAnyUsualVmNameAndLineEnding() {
        feed("Java HotSpot(TM) 64-Bit Server VM warning: " + LineDropper.CDS_WARNING + "\r\n");
        feed("a\nOpenJDK 64-Bit Server VM warning: " + LineDropper.CDS_WARNING + "\nb\n");
        assertThat(end()).isEqualTo("a\nb\n");
    }

    @Test
    void itIsDroppedFedOneByteAtATime() {
        String all = "before\n" + WARNING + "\nafter";
        for (char c : all.toCharArray()) {
            feed(String.valueOf(c));
        }
        assertThat(end()).isEqualTo("before\nafter");
    }

    @Test
    void aPartialLineIsPassedOnAtOnceUnlessItStartsLikeTheWarning() {
        assertThat(feed("Your name: ")).isEqualTo("Your name: ");
        assertThat(feed("Bob\n")).isEqualTo("Bob\n");
        assertThat(feed("OpenJDK 64")).isEmpty(); // could still be the warning
        assertThat(feed("-Bit Server VM warning: something else")).isEqualTo("OpenJDK 64-Bit Server VM warning: something else");
        assertThat(feed("\n")).isEqualTo("\n");
    }

    @Test
    void otherJvmWarningsAndLinesThatOnlyContainTheWarningAreKept() {
        String other = "OpenJDK 64-Bit Server VM warning: Options -Xverify:none and -noverify were deprecated\n";
        String quoted = "> " + WARNING + "\n";
        String longer = WARNING + " (twice)\n";
        feed(other + quoted + longer);
        assertThat(end()).isEqualTo(other + quoted + longer);
    }

    @Test
    void theStartOfTheWarningHeldAtTheEndOfTheStreamIsPassedOn() {
        feed("OpenJDK 64-Bit Server VM warning: Sharing");
        assertThat(end()).isEqualTo("OpenJDK 64-Bit Server VM warning: Sharing");
    }

    @Test
    void anyFixedLinesCanBeDropped() {
        var dropper = new LineDropper(List.of("drop me", "drop"));
        byte[] in = "keep\ndrop\ndrop me\ndrop it\n".getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[dropper.maxOutput(in.length)];
        int n = dropper.filter(in, in.length, out);
        assertThat(new String(out, 0, n, StandardCharsets.UTF_8)).isEqualTo("keep\ndrop it\n");
    }
}
