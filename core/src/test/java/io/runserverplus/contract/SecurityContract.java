package io.runserverplus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.WebApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The debugger's guards, attacked over HTTP on every adapter: hostile Host headers, missing
 * secrets, wrong methods, forged cookies and a brute force on the PIN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SecurityContract {

    private static final String JSON = "application/json";

    private ContractServer server;
    private String secret;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    protected abstract WebApp app(Map<String, ContractRoute> routes, Map<String, StreamingRoute> streams);

    @BeforeAll
    void startServer() throws Exception {
        server = new ContractServer(app(ContractRoutes.standard(), ContractRoutes.streaming()),
                builder -> builder.trustedHosts("dev.example.test"));
        secret = secretOf(server);
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void theDebuggerAnnouncesItselfAndPrintsThePinAndTheConsolesAddress() {
        assertThat(server.output()).contains(" * Debugger is active!\n",
                " * Debugger PIN: " + ContractServer.PIN + " (console: " + server.url("/console") + ")\n");
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"evil.example", "127.0.0.1.evil.example", "localhost:1@evil", "localhost.evil.example:80"})
    void everyCommandRefusesAnUntrustedHost(String host) throws Exception {
        String tb = tracebackIdOf(server.get("/boom", "text/html").body());
        for (String[] command : List.of(
                new String[] {"GET", "/__debugger__/source?tb=" + tb + "&frame=0"},
                new String[] {"GET", "/__debugger__/auth"},
                new String[] {"POST", "/__debugger__/pinauth"},
                new String[] {"POST", "/__debugger__/printpin"},
                new String[] {"POST", "/__debugger__/eval"},
                new String[] {"GET", "/console"},
                new String[] {"GET", "/__debugger__/"},
                new String[] {"GET", "/__debugger__/events?after=0"},
                new String[] {"GET", "/__debugger__/failures/" + tb})) {
            RawHttp.Response response = RawHttp.send(server.port(), command[0], command[1], host,
                    Map.of("X-Debugger-Secret", secret),
                    command[0].equals("POST") ? "pin=" + ContractServer.PIN + "&code=1" : "");

            assertThat(response.status()).as("%s %s for Host: %s", command[0], command[1], host).isEqualTo(400);
        }
    }

    /**
     * HTTP/1.1 says an absolute-form target's authority wins over the Host header; a server that
     * routes such a request must not let the debugger judge it by the Host header instead.
     */
    @Test
    void anAbsoluteFormTargetIsJudgedByItsOwnAuthorityNotTheHostHeader() throws Exception {
        String tb = tracebackIdOf(server.get("/boom", "text/html").body());
        String trustedHost = "localhost:" + server.port();
        Map<String, String> withSecret = Map.of("X-Debugger-Secret", secret);
        for (String[] command : List.of(
                new String[] {"POST", "/__debugger__/eval"},
                new String[] {"POST", "/__debugger__/pinauth"},
                new String[] {"GET", "/__debugger__/source?tb=" + tb + "&frame=0"},
                new String[] {"POST", "/__debugger__/printpin"},
                new String[] {"GET", "/__debugger__/auth"},
                new String[] {"GET", "/console"},
                new String[] {"GET", "/__debugger__/"},
                new String[] {"GET", "/__debugger__/events?after=0"},
                new String[] {"GET", "/__debugger__/failures/" + tb})) {
            RawHttp.Response response = RawHttp.send(server.port(), command[0], "http://evil.example" + command[1],
                    trustedHost, withSecret, command[0].equals("POST") ? "pin=" + ContractServer.PIN + "&code=1" : "");

            assertThat(response.status()).as("%s http://evil.example%s with Host: %s", command[0], command[1], trustedHost)
                    .isEqualTo(400);
        }
        RawHttp.Response page = RawHttp.send(server.port(), "GET", "http://evil.example/boom", trustedHost,
                Map.of("Accept", "text/html"), "");
        assertThat(page.status() == 400 || page.body().contains("data-console=\"off\""))
                .as("the traceback page for http://evil.example/boom offers no console (status %s)", page.status()).isTrue();
    }

    @Test
    void aRequestWithoutHostIsRefusedToo() throws Exception {
        // HTTP/1.1 requires Host, so frameworks may refuse it before the debugger does: 400 either way.
        RawHttp.Response response = RawHttp.send(server.port(), "GET", "/__debugger__/auth", null,
                Map.of("X-Debugger-Secret", secret), "");

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void trustedHostsAreLoopbackNamesTheBindAddressAndTheConfiguredOnes() throws Exception {
        for (String host : List.of("localhost", "LOCALHOST:" + server.port(), "app.localhost", "127.0.0.1:" + server.port(),
                "dev.example.test:8000", "dev.example.test.")) {
            RawHttp.Response response = RawHttp.send(server.port(), "GET", "/__debugger__/auth", host,
                    Map.of("X-Debugger-Secret", secret), "");

            assertThat(response.status()).as("Host: %s", host).isEqualTo(200);
        }
    }

    @Test
    void resourcesAreServedWhateverTheHost() throws Exception {
        RawHttp.Response response = RawHttp.send(server.port(), "GET", "/__debugger__/resource/debugger.css",
                "evil.example", Map.of(), "");

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void thePageForAnUntrustedHostDisablesTheConsoleAndSaysWhy() throws Exception {
        RawHttp.Response response = RawHttp.send(server.port(), "GET", "/boom", "evil.example:" + server.port(),
                Map.of("Accept", "text/html"), "");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body())
                .contains("The console is disabled because this page was requested as host evil.example, which is not"
                        + " trusted; add it with --trusted-host evil.example.")
                .contains("data-console=\"off\"")
                .doesNotContain("class=\"console-icon\"")
                .doesNotContain("id=\"pin-dialog\"");
    }

    @Test
    void thePageOffersAConsoleInEachApplicationFrameAndScriptsNeedTheResponsesNonce() throws Exception {
        HttpResponse<String> first = server.get("/boom", "text/html");
        HttpResponse<String> second = server.get("/boom", "text/html");

        String csp = first.headers().firstValue("Content-Security-Policy").orElseThrow();
        Matcher nonce = Pattern.compile("script-src 'nonce-([A-Za-z0-9+/=]{22,})'").matcher(csp);
        assertThat(nonce.find()).as(csp).isTrue();
        assertThat(csp).contains("default-src 'self'").doesNotContain("unsafe-inline");
        assertThat(first.body()).containsPattern(Pattern.quote("<script src=\"/__debugger__/resource/debugger.js?v=")
                + "\\d+" + Pattern.quote("\" nonce=\"" + nonce.group(1) + "\" defer></script>"));
        assertThat(second.headers().firstValue("Content-Security-Policy").orElseThrow()).isNotEqualTo(csp);
        assertThat(first.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(first.body()).contains("data-console=\"on\"", "data-pin=\"required\"", "id=\"pin-dialog\"")
                .containsPattern("<button type=\"button\" class=\"console-icon\" data-frame=\"\\d+\"")
                .doesNotContainPattern("\\son[a-z]+=");
    }

    /** Pages, text and JSON alike: never sniffed into another type, and no Referer sent onwards from a page. */
    @Test
    void everyDebuggerAnswerIsNotSniffedAndSendsNoReferrer() throws Exception {
        String page = server.get("/boom", "text/html").body();
        Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
        answers.put("traceback page", server.get("/boom", "text/html"));
        answers.put("traceback text", server.get("/boom", "text/plain"));
        answers.put("traceback JSON", server.get("/boom", JSON));
        answers.put("console page", server.get("/console", "text/html"));
        answers.put("source page", command("GET", "source?tb=" + tracebackIdOf(page) + "&frame=" + attribute(page, "data-focus"), null, ""));
        answers.put("auth JSON", command("GET", "auth", null, ""));
        answers.put("refusal text", server.get("/__debugger__/auth", null));
        answers.put("unknown command text", command("GET", "nothing-here", null, ""));
        answers.put("failures list", server.get("/__debugger__/", "text/html"));
        answers.put("failures events", server.get("/__debugger__/events?after=0", null));

        answers.forEach((what, response) -> {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
        });
        assertThat(answers.get("traceback text").headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(answers.get("traceback JSON").headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        assertThat(answers.get("console page").statusCode()).isEqualTo(200);
    }

    /**
     * The secret never travels in a URL, where the history, the request log and Referer headers
     * would keep it: the page links none with it, "view source" posts it, and a query is not read.
     */
    @Test
    void theSecretIsInNoUrlThePageLinksNorInTheRequestLog() throws Exception {
        String page = server.get("/boom", "text/html").body();
        String console = server.get("/console", "text/html").body();
        List<String> urls = Pattern.compile("(?:href|src|action)=\"([^\"]*)\"").matcher(page + console).results()
                .map(match -> match.group(1)).toList();
        assertThat(urls).isNotEmpty().noneMatch(url -> url.contains(secret));
        Matcher viewSource = Pattern.compile("<form class=\"view-source\" method=\"post\" action=\"([^\"]*)\"")
                .matcher(page);
        assertThat(viewSource.find()).as("a view-source form").isTrue();

        String action = viewSource.group(1).replace("&amp;", "&");
        RawHttp.Response source = RawHttp.send(server.port(), "POST", action, "localhost:" + server.port(),
                Map.of(), "s=" + secret);

        assertThat(source.status()).isEqualTo(200);
        assertThat(source.body()).contains("class=\"source full\"");
        // The request log is written in batches: wait (generously) for the source's line.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!server.output().contains("POST " + action) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.output()).contains("POST " + action).doesNotContain(secret);
        // Last, as it writes the secret into the log itself: a secret in the query is not read.
        RawHttp.Response fromQuery = RawHttp.send(server.port(), "GET", action + "&s=" + secret,
                "localhost:" + server.port(), Map.of(), "");
        assertThat(fromQuery.status()).as("the secret in a query is not read").isEqualTo(403);
    }

    /**
     * A page on another site, or on another port of this host (the same site for a browser),
     * cannot drive the debugger even with the secret: the browser's Sec-Fetch-Site gives it away.
     */
    @Test
    void commandsFromAnotherSiteOrAnotherPortOfThisHostAreRefused() throws Exception {
        String host = "localhost:" + server.port();
        int otherPort = server.port() == 65535 ? 65534 : server.port() + 1;
        Map<String, Map<String, String>> refused = Map.of(
                "cross-site", Map.of("Sec-Fetch-Site", "cross-site", "Origin", "http://evil.example"),
                "same-site from another port", Map.of("Sec-Fetch-Site", "same-site", "Origin", "http://localhost:" + otherPort),
                "same-site, Referer from another port", Map.of("Sec-Fetch-Site", "same-site",
                        "Referer", "http://localhost:" + otherPort + "/page"),
                "same-site, sender unnamed", Map.of("Sec-Fetch-Site", "same-site"));
        Map<String, Map<String, String>> allowed = Map.of(
                "same-origin", Map.of("Sec-Fetch-Site", "same-origin"),
                "typed by the user", Map.of("Sec-Fetch-Site", "none"),
                "same-site, same port", Map.of("Sec-Fetch-Site", "same-site", "Origin", "http://app.localhost:" + server.port()),
                "no fetch metadata", Map.of());

        for (var each : refused.entrySet()) {
            for (String[] command : List.of(new String[] {"GET", "auth"}, new String[] {"POST", "eval"},
                    new String[] {"POST", "pinauth"}, new String[] {"POST", "printpin"})) {
                Map<String, String> headers = new java.util.HashMap<>(each.getValue());
                headers.put("X-Debugger-Secret", secret);
                RawHttp.Response response = RawHttp.send(server.port(), command[0], "/__debugger__/" + command[1], host,
                        headers, command[0].equals("POST") ? "code=1" : "");

                assertThat(response.status()).as("%s %s", each.getKey(), command[1]).isEqualTo(403);
                assertThat(response.body()).as(each.getKey()).containsAnyOf(
                        "refuses commands sent by a page of another site (Sec-Fetch-Site: cross-site)",
                        "refuses commands sent by a page on another port of this host");
            }
        }
        for (var each : allowed.entrySet()) {
            Map<String, String> headers = new java.util.HashMap<>(each.getValue());
            headers.put("X-Debugger-Secret", secret);
            RawHttp.Response response = RawHttp.send(server.port(), "GET", "/__debugger__/auth", host, headers, "");

            assertThat(response.status()).as(each.getKey()).isEqualTo(200);
        }
    }

    /**
     * The PIN's cookie is named for this port and sent only to the debugger's commands; it still
     * opens the console there.
     */
    @Test
    void thePinCookieIsScopedToThisPortAndTheDebuggersPath() throws Exception {
        String cookie = login(server, secret);
        String name = cookie.substring(0, cookie.indexOf('='));
        assertThat(name).endsWith("_" + server.port());
        String page = server.get("/boom", "text/html").body();
        Map<String, String> eval = Map.of("X-Debugger-Secret", secret, "Cookie", cookie);

        RawHttp.Response evaluated = RawHttp.send(server.port(), "POST", "/__debugger__/eval", "localhost:" + server.port(),
                eval, "tb=" + tracebackIdOf(page) + "&frame=" + attribute(page, "data-focus") + "&code=1%2B1");
        RawHttp.Response viaOtherPort = RawHttp.send(server.port(), "GET", "/__debugger__/auth",
                "localhost:" + (server.port() + 1), Map.of("X-Debugger-Secret", secret, "Cookie", cookie), "");

        assertThat(evaluated.status()).isEqualTo(200);
        assertThat(evaluated.body()).contains("<pre class=\"eval-value\">2</pre>");
        assertThat(viaOtherPort.body()).as("this port's cookie, sent to another port").isEqualTo("{\"auth\": false}");
        assertThat(command("GET", "auth", cookie, "").body()).isEqualTo("{\"auth\": true}");
    }

    @Test
    void theSourcePageHasANonceToo() throws Exception {
        String page = server.get("/boom", "text/html").body();
        HttpResponse<String> source = command("GET", "source?tb=" + tracebackIdOf(page) + "&frame="
                + attribute(page, "data-focus"), null, "");

        assertThat(source.statusCode()).isEqualTo(200);
        assertThat(source.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'nonce-");
    }

    @Test
    void theSourceCommandWithoutTheSecretIsForbidden() throws Exception {
        String page = server.get("/boom", "text/html").body();

        HttpResponse<String> response = server.get("/__debugger__/source?tb=" + tracebackIdOf(page) + "&frame=0", null);
        HttpResponse<String> wrong = server.get("/__debugger__/source?tb=" + tracebackIdOf(page) + "&frame=0&s=wrong", null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
    }

    @Test
    void stateChangingCommandsRefuseGetWithAllowPost() throws Exception {
        for (String command : List.of("pinauth", "printpin", "eval")) {
            HttpResponse<String> response = command("GET", command + "?pin=" + ContractServer.PIN, null, "");

            assertThat(response.statusCode()).as(command).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).as(command).hasValue("POST");
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void theRightPinSetsACookieThatAuthenticatesLaterRequests() throws Exception {
        HttpResponse<String> before = command("GET", "auth", null, "");
        HttpResponse<String> login = command("POST", "pinauth", null, "pin=123%20456-789");

        assertThat(before.body()).isEqualTo("{\"auth\": false}");
        assertThat(login.body()).isEqualTo("{\"auth\": true, \"exhausted\": false}");
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).matches("__rsp_debugger__[0-9a-f]{20}_" + server.port() + "=\\d+\\|[0-9a-f]{64};"
                + " Max-Age=604800; Path=/__debugger__/; HttpOnly; SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertThat(command("GET", "auth", cookie, "").body()).isEqualTo("{\"auth\": true}");
    }

    @Test
    void forgedGarbledAndFutureCookiesAreRefused() throws Exception {
        String cookie = login(server, secret);
        String name = cookie.substring(0, cookie.indexOf('='));
        String value = cookie.substring(cookie.indexOf('=') + 1);
        String timestamp = value.substring(0, value.indexOf('|'));
        String mac = value.substring(value.indexOf('|') + 1);
        long now = System.currentTimeMillis() / 1000;
        List<String> forged = List.of(
                name + "=" + timestamp + "|" + "0".repeat(64),
                name + "=" + (Long.parseLong(timestamp) - 1) + "|" + mac,
                name + "=" + (now + 86_400) + "|" + mac,
                name + "=" + timestamp,
                name + "=|" + mac,
                name + "=-1|" + mac,
                name + "=" + timestamp + "|" + mac + "00",
                name + "=99999999999999999999999|" + mac,
                "__rsp_debugger__0000000000aaaaaaaaaa_" + server.port() + "=" + value,
                name.substring(0, name.lastIndexOf('_')) + "=" + value,
                name.substring(0, name.lastIndexOf('_')) + "_" + (server.port() + 1) + "=" + value);

        for (String each : forged) {
            assertThat(command("GET", "auth", each, "").body()).as(each).isEqualTo("{\"auth\": false}");
        }
        assertThat(command("GET", "auth", cookie, "").body()).isEqualTo("{\"auth\": true}");
    }

    @Test
    void aWrongPinIsRefusedAfterAPause() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = command("POST", "pinauth", null, "pin=987-654-321");

        assertThat(response.body()).isEqualTo("{\"auth\": false, \"exhausted\": false}");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        login(server, secret); // a correct PIN resets the count, so other tests start from zero
    }

    @Test
    void printPinPrintsThePinAgain() throws Exception {
        HttpResponse<String> response = command("POST", "printpin", null, "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(server.output().split(Pattern.quote(" * Debugger PIN: " + ContractServer.PIN), -1).length - 1)
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void anOversizedBodyIsRefused() throws Exception {
        HttpResponse<String> response = command("POST", "pinauth", null, "pin=" + "1".repeat(70 * 1024));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void unknownCommandsAreNotFound() throws Exception {
        assertThat(command("POST", "exec", null, "code=1").statusCode()).isEqualTo(404);
    }

    /**
     * Fifty wrong PINs at once from ten threads: none gets in, at most ten are compared, and then
     * the console is locked for good, the right PIN and a cookie that worked before included.
     * Its own server, because a locked debugger stays locked.
     */
    @Test
    void aBruteForceLocksTheConsoleUntilRestart() throws Exception {
        try (ContractServer target = new ContractServer(app(ContractRoutes.standard(), ContractRoutes.streaming()))) {
            String targetSecret = secretOf(target);
            String cookie = login(target, targetSecret);
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(10);
            List<CompletableFuture<String>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < 50; i++) {
                    String guess = String.format("pin=%09d", 100_000_000 + i);
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return send(target, targetSecret, "POST", "pinauth", null, guess).body();
                        } catch (Exception failed) {
                            throw new IllegalStateException(failed);
                        }
                    }, threads));
                }
                List<String> bodies = answers.stream().map(CompletableFuture::join).toList();

                assertThat(bodies).noneMatch(body -> body.contains("\"auth\": true"));
                assertThat(bodies).filteredOn(body -> body.contains("\"exhausted\": false")).hasSizeLessThanOrEqualTo(9);
                assertThat(bodies).filteredOn(body -> body.contains("\"exhausted\": true")).hasSizeGreaterThanOrEqualTo(41);
            } finally {
                threads.shutdownNow();
            }
            assertThat(send(target, targetSecret, "POST", "pinauth", null, "pin=" + ContractServer.PIN).body())
                    .isEqualTo("{\"auth\": false, \"exhausted\": true}");
            assertThat(send(target, targetSecret, "GET", "auth", cookie, "").body()).isEqualTo("{\"auth\": false}");
        }
    }

    private HttpResponse<String> command(String method, String name, String cookie, String body) throws Exception {
        return send(server, secret, method, name, cookie, body);
    }

    private HttpResponse<String> send(ContractServer target, String targetSecret, String method, String name,
                                      String cookie, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url("/__debugger__/" + name)))
                .timeout(Duration.ofSeconds(30))
                .header("X-Debugger-Secret", targetSecret)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && (name.startsWith("auth") || name.startsWith("pinauth"))) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(JSON));
        }
        return response;
    }

    /** Logs in with the right PIN; returns the cookie as a Cookie header sends it. */
    private String login(ContractServer target, String targetSecret) throws Exception {
        HttpResponse<String> response = send(target, targetSecret, "POST", "pinauth", null, "pin=" + ContractServer.PIN);
        assertThat(response.body()).isEqualTo("{\"auth\": true, \"exhausted\": false}");
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String secretOf(ContractServer target) throws Exception {
        return attribute(target.get("/boom", "text/html").body(), "data-secret");
    }

    private static String tracebackIdOf(String page) {
        return attribute(page, "data-traceback");
    }

    private static String attribute(String page, String name) {
        Matcher matcher = Pattern.compile(name + "=\"([^\"]*)\"").matcher(page);
        assertThat(matcher.find()).as("page has %s", name).isTrue();
        return matcher.group(1);
    }
}
