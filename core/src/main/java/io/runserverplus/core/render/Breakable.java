package io.runserverplus.core.render;

import static org.owasp.encoder.Encode.forHtml;

/**
 * Names and paths as HTML that a narrow window wraps where a reader expects: after a dot, a slash or
 * a {@code $}, before a {@code (}; never inside a word, as {@code word-break: break-all} did.
 */
final class Breakable {

    private Breakable() {
    }

    /**
     * {@code text} encoded, with {@code <wbr>} at its break points. Safe to post-process: the
     * encoder's output spells its entities without any of the characters marked here.
     */
    static String html(String text) {
        return forHtml(text).replace(".", ".<wbr>").replace("/", "/<wbr>").replace("$", "$<wbr>")
                .replace("(", "<wbr>(");
    }
}
