package io.runserverplus.contract;

import static io.runserverplus.contract.PageHtml.DISCLOSURE;
import static io.runserverplus.contract.PageHtml.withoutWordBreaks;
import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.WebApp;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every adapter must do, checked over HTTP against its real server on a loopback port. An
 * adapter's test extends this and says how to serve {@link ContractRoutes#standard()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AdapterContract {

    protected ContractServer server;

    /** The contract routes as an app of the adapter's framework; each GET answers text/plain. */
    protected abstract WebApp app(Map<String, ContractRoute> routes, Map<String, StreamingRoute> streams);

    @BeforeAll
    void startServer() {
        server = new ContractServer(app(ContractRoutes.standard(), ContractRoutes.streaming()));
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void aRequestThatDoesNotFailIsServedAsTheAppAnswersIt() throws Exception {
        HttpResponse<String> response = server.get("/ok", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
    }

    @Test
    void theAdapterIsListedAmongTheInstalledOnes() {
        String name = app(Map.of(), Map.of()).adapterName();

        assertThat(java.util.ServiceLoader.load(io.runserverplus.spi.AdapterProvider.class, getClass().getClassLoader())
                .stream().map(java.util.ServiceLoader.Provider::get).toList())
                .anySatisfy(provider -> {
                    assertThat(provider.name()).isEqualTo(name);
                    assertThat(provider.isAvailable()).isTrue();
                    assertThat(provider.artifact()).isEqualTo("io.runserverplus:runserverplus-adapter-" + name);
                });
    }

    @Test
    void theBannerNamesTheRealPortAndWarnsThatThisIsADevelopmentServer() {
        assertThat(server.output())
                .contains("WARNING: This is a development server. Do not use it in a production deployment.")
                .contains(" * Running on http://127.0.0.1:" + server.port() + "\n")
                .contains("Quit the server with CONTROL-C.");
    }

    @Test
    void eachRequestGetsOneLogLineInWerkzeugsFormat() throws Exception {
        server.get("/ok?probe=log-line", null);

        String line = awaitConsoleLine("/ok?probe=log-line");
        assertThat(line).matches("127\\.0\\.0\\.1 - - \\[\\d{2}/\\w{3}/\\d{4} \\d{2}:\\d{2}:\\d{2}] "
                + "\"GET /ok\\?probe=log-line HTTP/1\\.1\" 200 2");
    }

    @Test
    void failedAndUnknownRequestsAreLoggedWithTheStatusTheyGot() throws Exception {
        server.get("/boom?probe=log-500", "text/html");
        server.get("/no-such-route?probe=log-404", null);

        assertThat(awaitConsoleLine("\"GET /boom?probe=log-500 HTTP/1.1\"")).containsPattern("\" 500 (\\d+|-)$");
        assertThat(awaitConsoleLine("\"GET /no-such-route?probe=log-404 HTTP/1.1\"")).containsPattern("\" 404 (\\d+|-)$");
    }

    @Test
    void aFailingRequestGetsTheTracebackPageWithEveryApplicationFrameAndItsSource() throws Exception {
        HttpResponse<String> response = server.get("/boom", "text/html");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'nonce-"));
        String page = withoutWordBreaks(response.body());
        assertThat(page)
                .contains("<h1>java.lang.IllegalStateException</h1>")
                .contains("only 2 on hand, 3 wanted")
                .contains("<span class=\"method\">take</span>(<span class=\"file\">ContractFailures.java:35</span>)")
                .contains("<span class=\"method\">price</span>(<span class=\"file\">ContractFailures.java:25</span>)")
                .contains("<span class=\"method\">place</span>(<span class=\"file\">ContractFailures.java:20</span>)");
        // The innermost application frame is the focus, its line marked, its method's lines too.
        assertThat(page).containsPattern("<li class=\"frame application focus expanded\" id=\"frame-\\d+\">"
                + "\\s*<div class=\"frame-head\"[^>]*>" + DISCLOSURE + "<span class=\"at\">at</span> <span class=\"class\">"
                + "io\\.runserverplus\\.contract\\.ContractFailures\\$Stock</span>");
        assertThat(page).containsPattern("<tr id=\"L35\" class=\"line current in-callable\">.*only");
        assertThat(page).contains("<tr id=\"L33\" class=\"line in-callable\">");
        // Library and JDK frames between them fold into one row.
        assertThat(page).containsPattern("<li class=\"frame-group\"><details><summary>\\d+ library and JDK frames");
    }

    @Test
    void clientsThatAskForTextGetTheStackTraceAsJavaPrintsIt() throws Exception {
        HttpResponse<String> response = server.get("/chain", "text/plain");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .startsWith("java.lang.IllegalStateException: startup failed\n")
                .contains("\tat io.runserverplus.contract.ContractFailures.chain(ContractFailures.java:")
                .contains("\tSuppressed: java.io.IOException: cleanup failed too")
                .contains("Caused by: java.io.UncheckedIOException: configuration unreadable")
                .contains("Caused by: java.io.IOException: settings.toml: no such file")
                .containsPattern("\t\\.\\.\\. \\d+ more");
    }

    @Test
    void curlsDefaultAcceptGetsPlainText() throws Exception {
        HttpResponse<String> response = server.get("/boom", "*/*");

        assertThat(response.body()).startsWith("java.lang.IllegalStateException: only 2 on hand, 3 wanted");
    }

    @Test
    void apiClientsGetTheTracebackAsJson() throws Exception {
        HttpResponse<String> response = server.get("/chain", "application/json");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body())
                .startsWith("{\"type\":\"about:blank\",")
                .contains("\"id\":\"")
                .contains("\"type\":\"java.lang.IllegalStateException\",\"message\":\"startup failed\"")
                .contains("\"cause\":{\"type\":\"java.io.UncheckedIOException\"")
                .contains("\"suppressed\":[{\"type\":\"java.io.IOException\",\"message\":\"cleanup failed too\"");
    }

    @Test
    void theCauseChainAndSuppressedExceptionsEachGetASection() throws Exception {
        String page = withoutWordBreaks(server.get("/chain", "text/html").body());

        assertThat(page)
                .contains("<span class=\"relation\">Suppressed:</span> java.io.IOException: cleanup failed too")
                .contains("<span class=\"relation\">Caused by:</span> java.io.UncheckedIOException: configuration unreadable")
                .contains("<span class=\"relation\">Caused by:</span> java.io.IOException: settings.toml: no such file")
                .containsPattern("<p class=\"more\">\\.\\.\\. \\d+ more");
    }

    @Test
    void errorsReachThePageToo() throws Exception {
        HttpResponse<String> response = server.get("/error", "text/html");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(withoutWordBreaks(response.body())).contains("<h1>java.lang.AssertionError</h1>")
                .contains("contract Error, not an Exception");
    }

    @Test
    void eachFailureIsLoggedOnceWithItsStackTrace() throws Exception {
        try (FailureLogRecorder log = new FailureLogRecorder()) {
            server.get("/boom?probe=logged-once", "text/html");

            // Once: in full if this server has not seen it yet, else in one line.
            assertThat(log.recordsAbout("only 2 on hand, 3 wanted")).hasSize(1);
        }
    }

    /**
     * A client hammering a broken route: the trace is written once, each repeat is one short line,
     * and a different failure still gets its own trace. Its own server, so nothing was seen before.
     */
    @Test
    void aThousandIdenticalFailuresLogOneTraceAndShortLinesAndAnotherFailureItsOwnTrace() throws Exception {
        try (ContractServer fresh = new ContractServer(app(ContractRoutes.standard(), ContractRoutes.streaming()));
             FailureLogRecorder log = new FailureLogRecorder()) {
            for (int i = 0; i < 1_000; i++) {
                assertThat(fresh.get("/boom", "text/plain").statusCode()).isEqualTo(500);
            }
            fresh.get("/chain", "text/plain");

            java.util.List<java.util.logging.LogRecord> boom = log.recordsAbout("only 2 on hand, 3 wanted");
            assertThat(boom).hasSize(1_000);
            assertThat(boom).filteredOn(record -> record.getThrown() != null).hasSize(1);
            String fullTrace = FailureLogRecorder.asPrinted(boom.subList(0, 1));
            assertThat(fullTrace).contains("at io.runserverplus.contract.ContractFailures");
            String repeats = FailureLogRecorder.asPrinted(boom.subList(1, boom.size()));
            assertThat(repeats.length()).as("999 repeats as printed").isLessThan(999 * 400);
            assertThat(boom.getLast().getMessage()).contains("GET /boom HTTP/1.1", "only 2 on hand, 3 wanted",
                    "1000 times");
            assertThat(log.recordsAbout("settings.toml: no such file"))
                    .as("a different failure gets its own full trace")
                    .singleElement().satisfies(record -> assertThat(record.getThrown()).isNotNull());
        }
    }

    @Test
    void aFailureAfterTheResponseWasCommittedIsLoggedOnceAndTheConnectionIsCutShort() throws Exception {
        try (FailureLogRecorder log = new FailureLogRecorder()) {
            HttpResponse<String> response = null;
            try {
                response = server.get("/partial", "text/html");
            } catch (java.io.IOException cutShort) {
                // The client sees a broken exchange rather than a clean, complete answer.
            }

            if (response != null) {
                assertThat(response.body()).as("no clean, complete body after a failure")
                        .hasSizeLessThan(ContractRoutes.PARTIAL_BODY.length() * 2_000)
                        .doesNotContain("<html");
            }
            assertThat(log.countFailuresWith("failed after the response was committed")).isEqualTo(1);
        }
        assertThat(server.get("/ok", null).body()).isEqualTo("ok");
    }

    @Test
    void aFrameCompiledWithoutLocalVariableNamesSaysSoAndNamesTheFlag() throws Exception {
        String page = server.get("/no-debug-info", "text/html").body();
        String compiledWithG = server.get("/boom", "text/html").body();

        assertThat(page).contains(NoDebugInfo.MESSAGE, "<td class=\"var-name\">arg0</td>",
                "compiled without local variable names", "<code>-g</code>", "Maven and Gradle do by default")
                .doesNotContain("<td class=\"var-name\">left</td>");
        assertThat(compiledWithG).contains("<details class=\"locals\"").doesNotContain("no-debug-info");
    }

    @Test
    void hostileMessagesAreEscapedInThePage() throws Exception {
        String page = server.get("/xss", "text/html").body();

        assertThat(page).doesNotContain("<script>window").doesNotContain("<img src=x").doesNotContain("<svg");
        assertThat(page).contains("&lt;script&gt;window.__xss=");
    }

    @Test
    void theSourceCommandShowsTheWholeFileWithTheFrameLineMarked() throws Exception {
        String page = server.get("/boom", "text/html").body();
        String traceback = attribute(page, "data-traceback");
        String secret = attribute(page, "data-secret");
        String focus = attribute(page, "data-focus");

        RawHttp.Response source = viewSource(traceback, focus, secret);

        assertThat(source.status()).isEqualTo(200);
        assertThat(source.body())
                .contains("<tr id=\"L1\" class=\"line\">")
                .containsPattern("<tr id=\"L35\" class=\"line current in-callable\">.*only")
                .contains("data-line=\"35\"")
                .contains("ContractFailures.java");
    }

    @Test
    void theSourceCommandRefusesRequestsWithoutTheSecret() throws Exception {
        String page = server.get("/boom", "text/html").body();
        String traceback = attribute(page, "data-traceback");

        HttpResponse<String> withoutSecret = server.get("/__debugger__/source?tb=" + traceback + "&frame=0", "text/html");
        HttpResponse<String> wrongSecret = server.get("/__debugger__/source?tb=" + traceback + "&frame=0&s=guess", "text/html");

        assertThat(withoutSecret.statusCode()).isEqualTo(403);
        assertThat(wrongSecret.statusCode()).isEqualTo(403);
        assertThat(withoutSecret.body()).doesNotContain("ContractFailures");
    }

    @Test
    void aFrameWithoutSourceSaysSoInsteadOfFailing() throws Exception {
        String page = withoutWordBreaks(server.get("/vendor", "text/html").body());
        Matcher vendorFrame = Pattern.compile("<li class=\"frame application[^\"]*\" id=\"frame-(\\d+)\">\\s*"
                + "<div class=\"frame-head\"[^>]*>" + DISCLOSURE + "<span class=\"at\">at</span> <span class=\"class\">"
                + "io\\.runserverplus\\.contract\\.ContractFailures\\$Vendor<").matcher(page);
        assertThat(vendorFrame.find()).as("the Vendor frame is on the page").isTrue();

        RawHttp.Response source = viewSource(attribute(page, "data-traceback"), vendorFrame.group(1),
                attribute(page, "data-secret"));

        assertThat(source.status()).isEqualTo(200);
        assertThat(source.body()).contains("Source not available for <code>io.runserverplus.contract.ContractFailures$Vendor</code>");
    }

    @Test
    void debuggerAssetsAreServedAndNothingElseFromTheJar() throws Exception {
        HttpResponse<String> script = server.get("/__debugger__/resource/debugger.js", null);
        HttpResponse<String> escape = server.get("/__debugger__/resource/..%2F..%2Fmodule-info.class", null);

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(script.body()).contains("scrollIntoView");
        // Frameworks refuse the encoded slashes outright (400) or find no such asset (404).
        assertThat(escape.statusCode()).isIn(400, 404);
    }

    @Test
    void aStaleTracebackIdAnswersNotFoundWithAnExplanation() throws Exception {
        String secret = attribute(server.get("/boom", "text/html").body(), "data-secret");

        RawHttp.Response response = viewSource("nope", "0", secret);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("reproduce the error for a fresh one");
    }

    @Test
    void unknownPathsAreLeftToTheFramework() throws Exception {
        assertThat(server.get("/no-such-route", null).statusCode()).isEqualTo(404);
    }

    protected static String attribute(String page, String name) {
        Matcher matcher = Pattern.compile(name + "=\"([^\"]*)\"").matcher(page);
        assertThat(matcher.find()).as("page has %s", name).isTrue();
        return matcher.group(1);
    }

    private String awaitConsoleLine(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (String line : server.output().split("\n")) {
                if (line.contains(fragment)) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no request line containing " + fragment + " in:\n" + server.output());
    }

    /** As the page's "view source" form asks: the secret in the POSTed body, never in the URL. */
    private RawHttp.Response viewSource(String traceback, String frame, String secret) throws java.io.IOException {
        return RawHttp.send(server.port(), "POST", "/__debugger__/source?tb=" + traceback + "&frame=" + frame,
                "localhost:" + server.port(), Map.of("Accept", "text/html"), "s=" + secret);
    }
}
