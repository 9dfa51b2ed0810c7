package io.runserverplus.examples.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.core.RunningServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The demo's routes behave as the README says, with sources found without any configuration. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavalinDemoIT {

    private RunningServer demo;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        demo = JavalinDemo.start("127.0.0.1:0");
    }

    @AfterAll
    void stop() {
        demo.stop();
    }

    @Test
    void theRootAnswersTheGreeting() throws Exception {
        HttpResponse<String> response = get("/", "text/html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello from the Javalin demo");
    }

    @Test
    void boomFailsThreeApplicationFramesDeepWithTheirSourceShown() throws Exception {
        HttpResponse<String> response = get("/boom", "text/html");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body())
                .contains("Cannot reserve &#39;durian&#39;: out of stock")
                .containsPattern("frame application focus expanded[^>]*>\\s*<div[^>]*><span class=\"at\">at</span> "
                        + "<span class=\"class\">io\\.runserverplus\\.examples\\.javalin\\.Inventory</span>\\."
                        + "<span class=\"method\">reserve</span>")
                .contains("<span class=\"class\">io.runserverplus.examples.javalin.Checkout$Pricing</span>.<span class=\"method\">total</span>")
                .contains("<span class=\"class\">io.runserverplus.examples.javalin.Checkout</span>.<span class=\"method\">placeOrder</span>")
                .containsPattern("class=\"line current in-callable\"><td class=\"ln\">\\d+</td><td class=\"code\"><pre>.*"
                        + "<span class=\"tok-keyword\">throw</span>");
    }

    @Test
    void chainShowsEveryCauseAndTheSuppressedException() throws Exception {
        String text = get("/chain", "text/plain").body();

        assertThat(text)
                .startsWith("java.lang.IllegalStateException: Report for 2026-Q4 could not be produced")
                .contains("Suppressed: java.io.IOException: could not release the lock on report-2026-Q4.lock")
                .contains("Caused by: java.io.IOException: figures for 2026-Q4 are unreadable")
                .contains("Caused by: java.io.UncheckedIOException: java.io.IOException: disk quota exceeded")
                .contains("Caused by: java.io.IOException: disk quota exceeded while reading figures-2026-Q4.csv");
    }

    @Test
    void errorShowsTheErrorOnThePage() throws Exception {
        HttpResponse<String> response = get("/error", "text/html");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<h1>java.lang.AssertionError</h1>");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(demo.url() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
