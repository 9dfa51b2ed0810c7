package io.runserverplus.contract;

/** What tests that read the page's HTML as text need to see past: its word breaks and its frames' controls. */
final class PageHtml {

    /** The disclosure button that a frame with source starts with, as a regular expression (optional). */
    static final String DISCLOSURE = "(?:<button type=\"button\" class=\"disclosure\"[^>]*>[^<]*</button> )?";

    private PageHtml() {
    }

    /** The page without the {@code <wbr>} tags that let long names wrap at their dots. */
    static String withoutWordBreaks(String html) {
        return html.replace("<wbr>", "");
    }
}
