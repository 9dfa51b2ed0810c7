package io.runserverplus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.core.WebApp;
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
    void theDebuggerAnnouncesItselfAndPrintsThePin() {
        assertThat(server.console()).contains(" * Debugger is active!\n", " * Debugger PIN: " + ContractServer.PIN + "\n");
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"evil.example", "127.0.0.1.evil.example", "localhost:1@evil", "localhost.evil.example:80"})
    void everyCommandRefusesAnUntrustedHost(String host) throws Exception {
        String tb = tracebackIdOf(server.get("/boom", "text/html").body());
        for (String[] command : List.of(
                new String[] {"GET", "/__debugger__/source?tb=" + tb + "&frame=0&s=" + secret},
                new String[] {"GET", "/__debugger__/auth?s=" + secret},
                new String[] {"POST", "/__debugger__/pinauth?s=" + secret},
                new String[] {"POST", "/__debugger__/printpin?s=" + secret},
                new String[] {"POST", "/__debugger__/eval?s=" + secret},
                new String[] {"GET", "/console"})) {
            RawHttp.Response response = RawHttp.send(server.port(), command[0], command[1], host, Map.of(),
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
                new String[] {"GET", "/console"})) {
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
        RawHttp.Response response = RawHttp.send(server.port(), "GET", "/__debugger__/auth?s=" + secret, null, Map.of(), "");

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void trustedHostsAreLoopbackNamesTheBindAddressAndTheConfiguredOnes() throws Exception {
        for (String host : List.of("localhost", "LOCALHOST:" + server.port(), "app.localhost", "127.0.0.1:" + server.port(),
                "dev.example.test:8000", "dev.example.test.")) {
            RawHttp.Response response = RawHttp.send(server.port(), "GET", "/__debugger__/auth?s=" + secret, host,
                    Map.of(), "");

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
        assertThat(first.body()).contains("<script src=\"/__debugger__/resource/debugger.js?v=3\" nonce=\""
                + nonce.group(1) + "\" defer></script>");
        assertThat(second.headers().firstValue("Content-Security-Policy").orElseThrow()).isNotEqualTo(csp);
        assertThat(first.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(first.body()).contains("data-console=\"on\"", "data-pin=\"required\"", "id=\"pin-dialog\"")
                .containsPattern("<button type=\"button\" class=\"console-icon\" data-frame=\"\\d+\"")
                .doesNotContainPattern("\\son[a-z]+=");
    }

    @Test
    void theSourcePageHasANonceToo() throws Exception {
        String page = server.get("/boom", "text/html").body();
        HttpResponse<String> source = server.get("/__debugger__/source?tb=" + tracebackIdOf(page) + "&frame="
                + attribute(page, "data-focus") + "&s=" + secret, "text/html");

        assertThat(source.statusCode()).isEqualTo(200);
        assertThat(source.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'nonce-");
    }

    @Test
    void theSourceCommandWithoutTheSecretIsForbidden() throws Exception {
        String page = server.get("/boom", "text/html").body();

        HttpResponse<String> response = server.get("/__debugger__/source?tb=" + tracebackIdOf(page) + "&frame=0", null);
        HttpResponse<String> wrong = server.get("/__debugger__/source?tb=" + tracebackIdOf(page) + "&frame=0&s=x" + secret, null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
    }

    @Test
    void stateChangingCommandsRefuseGetWithAllowPost() throws Exception {
        for (String command : List.of("pinauth", "printpin", "eval")) {
            HttpResponse<String> response = server.get("/__debugger__/" + command + "?pin=" + ContractServer.PIN
                    + "&s=" + secret, null);

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
        assertThat(setCookie).matches("__rsp_debugger__[0-9a-f]{20}=\\d+\\|[0-9a-f]{64}; Max-Age=604800; Path=/;"
                + " HttpOnly; SameSite=Strict");
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
                "__rsp_debugger__0000000000aaaaaaaaaa=" + value);

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
        assertThat(server.console().split(Pattern.quote(" * Debugger PIN: " + ContractServer.PIN), -1).length - 1)
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
        if (response.statusCode() == 200 && !"printpin".equals(name) && !"eval".equals(name)) {
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
