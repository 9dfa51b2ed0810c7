package io.runserverplus.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.EvalResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The console's answer fragment: every text escaped, the prompts right. */
class EvalFragmentTest {

    private static final String HOSTILE = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";

    @Test
    void inputOutputValueAndErrorAreEscaped() {
        EvalResult result = new EvalResult(HOSTILE, HOSTILE, HOSTILE, HOSTILE, EvalResult.Status.ERROR, Duration.ZERO);

        String html = EvalFragment.render(HOSTILE, result);

        assertThat(html).doesNotContain("<script>", "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("class=\"eval error\"", "class=\"eval-output\"", "class=\"eval-value\"", "class=\"eval-error\"");
    }

    @Test
    void aFirstLineEchoesThePrimaryPromptAndAContinuationTheSecondary() {
        EvalResult pending = new EvalResult("if (true) {", "", null, null, EvalResult.Status.NEEDS_MORE, Duration.ZERO);
        EvalResult done = new EvalResult("if (true) {\n}", "", null, null, EvalResult.Status.OK, Duration.ZERO);

        assertThat(EvalFragment.render("if (true) {", pending))
                .contains("<pre class=\"eval-input\">&gt;&gt;&gt; if (true) {</pre>", "data-prompt=\"... \"");
        assertThat(EvalFragment.render("}", done)).contains("<pre class=\"eval-input\">... }</pre>", "data-prompt=\">>> \"");
    }

    @Test
    void aPastedBlockEchoesEachLineBehindItsPromptAndEmptyPartsAreLeftOut() {
        EvalResult result = new EvalResult("int a = 1;\na + 1", "", "2", null, EvalResult.Status.OK, Duration.ZERO);

        String html = EvalFragment.render("int a = 1;\na + 1", result);

        assertThat(html).contains("<pre class=\"eval-input\">&gt;&gt;&gt; int a = 1;\n... a + 1</pre>",
                "<pre class=\"eval-value\">2</pre>").doesNotContain("eval-output", "eval-error");
    }

    @Test
    void theConsolesNoteIsShownEscapedBetweenTheValueAndAnyError() {
        EvalResult result = new EvalResult("quantity = 5", "", "5", null, EvalResult.Status.OK, Duration.ZERO,
                "quantity changed in this console only <b>");

        String html = EvalFragment.render("quantity = 5", result);

        assertThat(html).contains("<pre class=\"eval-value\">5</pre><pre class=\"eval-note\">quantity changed in this"
                + " console only &lt;b&gt;</pre>");
    }
}
