package io.runserverplus.benchmarks;

import io.runserverplus.core.debugger.DebuggerEndpoint;
import io.runserverplus.core.debugger.DebuggerSecret;
import io.runserverplus.core.debugger.FailureLog;
import io.runserverplus.core.debugger.StaticAssets;
import io.runserverplus.core.debugger.TracebackRegistry;
import io.runserverplus.core.security.DebuggerAnnouncement;
import io.runserverplus.core.security.PinGuard;
import io.runserverplus.core.security.SecuritySettings;
import io.runserverplus.core.security.TrustedHosts;
import io.runserverplus.core.settings.DebugPin;
import io.runserverplus.core.terminal.Terminal;
import io.runserverplus.spi.DebugRequest;
import io.runserverplus.spi.DebugResponse;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the debugger's guards cost a command, through core's real {@link DebuggerEndpoint}: a
 * static resource (no checks: the baseline), {@code auth} (trusted host, secret, HMAC cookie),
 * and {@code pinauth} on its success path (host, secret, method, body, PIN compare, new cookie).
 * Target: the checks add under 1 ms per command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CommandChecksBenchmark {

    private DebuggerEndpoint endpoint;
    private DebugRequest resource;
    private DebugRequest auth;
    private DebugRequest pinAuth;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SecuritySettings settings = new SecuritySettings(DebugPin.parse("123-456-789"), List.of(), "127.0.0.1",
                Optional.of(CommandChecksBenchmark.class.getName()), "benchmark");
        PinGuard guard = new PinGuard(settings); // the PIN the settings fix, the usual waits after a wrong one
        DebuggerSecret secret = new DebuggerSecret();
        StaticAssets assets = new StaticAssets();
        Terminal quiet = new Terminal(new PrintStream(OutputStream.nullOutputStream()), false);
        endpoint = new DebuggerEndpoint(() -> null, new TracebackRegistry(), () -> secret, () -> assets, () -> null,
                () -> null, () -> null, new FailureLog(), new TrustedHosts(List.of(), "127.0.0.1"), guard,
                new DebuggerAnnouncement(quiet, guard, settings), () -> null, () -> null,
                new io.runserverplus.core.console.ConsoleSupport(), () -> null);
        resource = request("GET", "resource/debugger.css", Map.of(), null);
        pinAuth = request("POST", "pinauth", Map.of("X-Debugger-Secret", List.of(secret.value()),
                "Content-Type", List.of("application/x-www-form-urlencoded")), "pin=123-456-789");
        DebugResponse granted = endpoint.handleCommand(pinAuth);
        String setCookie = granted.headers().get("Set-Cookie");
        if (setCookie == null) {
            throw new IllegalStateException("pinauth did not grant the cookie: " + granted.bodyText());
        }
        auth = request("GET", "auth", Map.of("X-Debugger-Secret", List.of(secret.value()),
                "Cookie", List.of(setCookie.substring(0, setCookie.indexOf(';')))), null);
        if (!endpoint.handleCommand(auth).bodyText().contains("\"auth\": true")) {
            throw new IllegalStateException("the cookie was not accepted");
        }
    }

    private static DebugRequest request(String method, String command, Map<String, List<String>> headers, String body) {
        Map<String, List<String>> all = new java.util.HashMap<>(headers);
        all.put("Host", List.of("127.0.0.1:8000"));
        return new DebugRequest(method, io.runserverplus.spi.Debugger.PREFIX + command, "", "HTTP/1.1", false, all, "127.0.0.1",
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    public DebugResponse resourceWithoutChecks() {
        return endpoint.handleCommand(resource);
    }

    @Benchmark
    public DebugResponse authWithHostSecretAndCookie() {
        return endpoint.handleCommand(auth);
    }

    @Benchmark
    public DebugResponse pinAuthSuccess() {
        return endpoint.handleCommand(pinAuth);
    }
}
