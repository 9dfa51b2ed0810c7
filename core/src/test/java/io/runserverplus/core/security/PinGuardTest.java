package io.runserverplus.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.core.security.PinGenerator.GeneratedPin;
import io.runserverplus.spi.DebugRequest;
import io.runserverplus.spi.DebugResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PinGuardTest {

    private static final GeneratedPin PIN = new GeneratedPin("123-456-789", "__rsp_debugger__0123456789abcdef0123");

    private final PinGuard guard = new PinGuard(Optional.of(PIN), Clock.systemUTC(), Duration.ofMillis(1),
            Duration.ofMillis(20));

    @Test
    void concurrentWrongPinsNeverGetMoreThanTenComparisons() throws Exception {
        String cookie = cookieOf(guard.pinAuth(post("123-456-789")));
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<DebugResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String guess = Integer.toString(100_000_000 + i);
            answers.add(threads.submit(() -> guard.pinAuth(post(guess))));
        }
        List<String> bodies = new ArrayList<>();
        for (Future<DebugResponse> answer : answers) {
            bodies.add(answer.get().bodyText());
        }
        threads.shutdown();

        assertThat(bodies).noneMatch(body -> body.contains("\"auth\": true"));
        assertThat(bodies).filteredOn(body -> body.equals("{\"auth\": false, \"exhausted\": false}")).hasSize(9);
        assertThat(bodies).filteredOn(body -> body.equals("{\"auth\": false, \"exhausted\": true}")).hasSize(191);
        assertThat(guard.pinAuth(post("123456789")).bodyText()).isEqualTo("{\"auth\": false, \"exhausted\": true}");
        assertThat(guard.isAuthenticated(withCookie(cookie))).as("a valid cookie after the lock").isFalse();
        assertThat(guard.requireAuthenticated(withCookie(cookie))).hasValueSatisfying(refusal -> {
            assertThat(refusal.status()).isEqualTo(401);
            assertThat(refusal.bodyText()).isEqualTo("{\"auth\": false}");
        });
    }

    @Test
    void aCorrectPinResetsTheCount() throws Exception {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 9; i++) {
                assertThat(guard.pinAuth(post("000000000")).bodyText()).contains("\"exhausted\": false");
            }
            assertThat(guard.pinAuth(post(" 123 456 789 ")).bodyText()).isEqualTo("{\"auth\": true, \"exhausted\": false}");
        }
    }

    @Test
    void theCookieIsHttpOnlyStrictAndSecureOverHttps() throws Exception {
        DebugResponse overHttps = guard.pinAuth(new DebugRequest("POST", "/__debugger__/pinauth", "", "HTTP/1.1", true,
                Map.of(), "127.0.0.1", "pin=123-456-789".getBytes(StandardCharsets.UTF_8)));

        assertThat(overHttps.headers().get("Set-Cookie"))
                .startsWith(PIN.cookieName() + "=")
                .endsWith("; Max-Age=604800; Path=/__debugger__/; HttpOnly; SameSite=Strict; Secure");
        assertThat(guard.isAuthenticated(withCookie(cookieOf(overHttps)))).isTrue();
    }

    @Test
    void withThePinOffEveryoneIsAuthenticated() throws Exception {
        PinGuard off = new PinGuard(Optional.empty(), Clock.systemUTC(), Duration.ZERO, Duration.ZERO);

        assertThat(off.isAuthenticated(post(""))).isTrue();
        assertThat(off.requireAuthenticated(post(""))).isEmpty();
        assertThat(off.pin()).isEmpty();
    }

    private static DebugRequest post(String pin) {
        return new DebugRequest("POST", "/__debugger__/pinauth", "", "HTTP/1.1", false, Map.of(), "127.0.0.1",
                ("pin=" + java.net.URLEncoder.encode(pin, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    private static DebugRequest withCookie(String cookie) {
        return new DebugRequest("GET", "/__debugger__/auth", "", "HTTP/1.1", false,
                Map.of("Cookie", List.of("other=1; " + cookie)), "127.0.0.1");
    }

    private static String cookieOf(DebugResponse response) {
        String header = response.headers().get("Set-Cookie");
        return header.substring(0, header.indexOf(';'));
    }
}
