package io.runserverplus.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveReloadTagTest {

    private static final String TAG = "<script src=\"/__debugger__/resource/live-reload.js\"></script>";

    @Test
    void onlyFullHtmlAnswersTheAppDidNotCompressGetTheTag() {
        assertThat(LiveReloadTag.wanted("GET", false, 200, "text/html; charset=utf-8", null)).isTrue();
        assertThat(LiveReloadTag.wanted("POST", false, 404, "TEXT/HTML", "identity")).isTrue();
        assertThat(LiveReloadTag.wanted("HEAD", false, 200, "text/html", null)).as("HEAD").isFalse();
        assertThat(LiveReloadTag.wanted("GET", true, 200, "text/html", null)).as("a Range request").isFalse();
        assertThat(LiveReloadTag.wanted("GET", false, 206, "text/html", null)).as("206").isFalse();
        assertThat(LiveReloadTag.wanted("GET", false, 304, "text/html", null)).as("304").isFalse();
        assertThat(LiveReloadTag.wanted("GET", false, 302, "text/html", null)).as("a redirect").isFalse();
        assertThat(LiveReloadTag.wanted("GET", false, 200, "text/html", "gzip")).as("compressed").isFalse();
        assertThat(LiveReloadTag.wanted("GET", false, 200, "application/json", null)).as("JSON").isFalse();
        assertThat(LiveReloadTag.wanted("GET", false, 200, null, null)).as("no type").isFalse();
        assertThat(LiveReloadTag.wanted("GET", false, 200, "text/html; charset=UTF-16", null)).as("UTF-16").isFalse();
    }

    @Test
    void theTagGoesBeforeTheLastBodyEndInAnyCase() {
        assertThat(insert("<p>&lt;/body&gt; as text</p></BODY></html>", null))
                .isEqualTo("<p>&lt;/body&gt; as text</p>" + TAG + "</BODY></html>");
        assertThat(insert("<script>'</body>'</script></body>", null)).isEqualTo("<script>'</body>'</script>" + TAG + "</body>");
        assertThat(insert("", null)).isEmpty();
    }

    @Test
    void theNonceComesFromScriptSrcElseDefaultSrc() {
        assertThat(LiveReloadTag.scriptNonce("default-src 'nonce-d'; script-src 'self' 'nonce-s'")).isEqualTo("s");
        assertThat(LiveReloadTag.scriptNonce("default-src 'self' 'nonce-d'")).isEqualTo("d");
        assertThat(LiveReloadTag.scriptNonce("default-src 'nonce-d'; script-src 'self'")).isNull();
        assertThat(LiveReloadTag.scriptNonce("script-src 'nonce-s'; script-src-elem 'nonce-e'")).isEqualTo("e");
        assertThat(insert("<body></body>", "script-src 'nonce-a+b/c='")).isEqualTo(
                "<body><script src=\"/__debugger__/resource/live-reload.js\" nonce=\"a+b/c=\"></script></body>");
    }

    @Test
    void aDebuggerPageIsLeftAlone() {
        String page = "<link rel=\"stylesheet\" href=\"/__debugger__/resource/debugger.css\"><body></body>";
        assertThat(insert(page, null)).isEqualTo(page);
    }

    private static String insert(String body, String policy) {
        return new String(LiveReloadTag.insert(body.getBytes(StandardCharsets.UTF_8), Optional.ofNullable(policy)),
                StandardCharsets.UTF_8);
    }
}
