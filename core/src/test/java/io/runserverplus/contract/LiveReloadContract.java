package io.runserverplus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.core.RunServerPlus;
import io.runserverplus.spi.WebApp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@code --live-reload}: the app's HTML pages get the script tag before {@code </body>}, with the
 * app's script nonce when its Content-Security-Policy has one, and a Content-Length that counts it;
 * other answers, and every answer with the setting off, are left as the app sent them.
 */
public abstract class LiveReloadContract {

    /** One route's answer: 200 with this Content-Type, these headers and this body; a null body fails the request. */
    public record Page(String contentType, Map<String, String> headers, String body) {
    }

    /** The framework's app answering each path's GET with its {@link Page}. */
    protected abstract WebApp app(Map<String, Page> pages);

    static final String PAGE = "<!doctype html><html><head><title>Shop</title></head><body><h1>Shop</h1></body></html>";
    static final String TAG = "<script src=\"/__debugger__/resource/live-reload.js\"></script>";

    private static Map<String, Page> pages() {
        Map<String, Page> pages = new LinkedHashMap<>();
        pages.put("/page", new Page("text/html; charset=utf-8", Map.of(), PAGE));
        pages.put("/fragment", new Page("text/html", Map.of(), "<p>no body element</p>"));
        pages.put("/boom", new Page("text/html", Map.of(), null));
        pages.put("/data", new Page("application/json", Map.of(), "{\"html\":\"</body>\"}"));
        pages.put("/nonce", new Page("text/html; charset=utf-8",
                Map.of("Content-Security-Policy", "default-src 'self'; script-src 'nonce-c2hvcA==' 'strict-dynamic'"), PAGE));
        return pages;
    }

    private ContractServer server(boolean liveReload) {
        Consumer<RunServerPlus.Builder> settings = builder -> builder.liveReload(liveReload);
        return new ContractServer(app(pages()), settings);
    }

    @Test
    void anHtmlPageGetsTheScriptBeforeItsBodyEndsAndAContentLengthThatCountsIt() throws Exception {
        try (ContractServer server = server(true)) {
            HttpResponse<String> page = server.get("/page", "text/html");
            assertThat(page.body()).isEqualTo(PAGE.replace("</body>", TAG + "</body>"));
            assertThat(page.headers().firstValueAsLong("Content-Length"))
                    .hasValue(page.body().getBytes(StandardCharsets.UTF_8).length);

            assertThat(server.get("/fragment", "text/html").body()).isEqualTo("<p>no body element</p>" + TAG);

            HttpResponse<String> script = server.get("/__debugger__/resource/live-reload.js", null);
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
            assertThat(script.body()).contains("new EventSource('/__debugger__/reloads')");
        }
    }

    @Test
    void aJsonAnswerAndTheTracebackPageAreLeftAlone() throws Exception {
        try (ContractServer server = server(true)) {
            HttpResponse<String> data = server.get("/data", "application/json");
            assertThat(data.body()).isEqualTo("{\"html\":\"</body>\"}");

            HttpResponse<String> traceback = server.get("/boom", "text/html");
            assertThat(traceback.statusCode()).isEqualTo(500);
            assertThat(traceback.body()).contains("IllegalStateException").doesNotContain("live-reload.js");
        }
    }

    @Test
    void theTagCarriesTheNonceOfTheAppsContentSecurityPolicy() throws Exception {
        try (ContractServer server = server(true)) {
            HttpResponse<String> page = server.get("/nonce", "text/html");
            assertThat(page.body()).isEqualTo(PAGE.replace("</body>",
                    "<script src=\"/__debugger__/resource/live-reload.js\" nonce=\"c2hvcA==\"></script></body>"));
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'self'; script-src 'nonce-c2hvcA==' 'strict-dynamic'");
        }
    }

    @Test
    void theEventStreamCountsStaticChangesOnlyWithTheSettingOn() throws Exception {
        try (ContractServer on = server(true); ContractServer off = server(false)) {
            assertThat(on.get("/__debugger__/reloads", "text/event-stream").body()).contains("event: static\ndata: 0\n");
            assertThat(off.get("/__debugger__/reloads", "text/event-stream").body()).doesNotContain("event: static");
        }
    }

    @Test
    void withTheSettingOffEveryAnswerIsTheApps() throws Exception {
        try (ContractServer server = server(false)) {
            HttpResponse<String> page = server.get("/page", "text/html");
            assertThat(page.body()).isEqualTo(PAGE);
            assertThat(server.get("/nonce", "text/html").body()).isEqualTo(PAGE);
            assertThat(server.get("/fragment", "text/html").body()).isEqualTo("<p>no body element</p>");
        }
    }
}
