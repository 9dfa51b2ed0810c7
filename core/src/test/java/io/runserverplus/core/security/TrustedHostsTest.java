package io.runserverplus.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.DebugRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedHostsTest {

    private final TrustedHosts hosts = new TrustedHosts(List.of("dev.example.test", ".tunnel.test", "[fe80::1]"),
            "192.168.1.20");

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"localhost", "localhost:8000", "LocalHost.", "app.localhost:1", "127.0.0.1", "127.0.0.1:65535",
            "[::1]", "[::1]:8000", "::1", "192.168.1.20:8000", "dev.example.test", "a.tunnel.test", "tunnel.test",
            "[fe80::1]:80"})
    void trusted(String host) {
        assertThat(hosts.check(request(host)).trusted()).isTrue();
    }

    @ParameterizedTest(name = "Host: {0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "evil.example              | UNTRUSTED",
            "127.0.0.1.evil.example    | UNTRUSTED",
            "localhost.evil.example    | UNTRUSTED",
            "localhostx                | UNTRUSTED",
            "example.test              | UNTRUSTED",
            "eviltunnel.test           | UNTRUSTED",
            "127.0.0.2                 | UNTRUSTED",
            "localhost:1@evil          | MALFORMED",
            "localhost:0               | MALFORMED",
            "localhost:65536           | MALFORMED",
            "localhost:                | MALFORMED",
            "localhost:80:80           | MALFORMED",
            "local host                | MALFORMED",
            "user@localhost            | MALFORMED",
            "[::1                      | MALFORMED",
            "[::1]x                    | MALFORMED",
            "[evil.example]            | MALFORMED",
            "localhost/x               | MALFORMED"})
    void untrusted(String host, TrustedHosts.Kind kind) {
        assertThat(hosts.check(request(host)).kind()).isEqualTo(kind);
    }

    @org.junit.jupiter.api.Test
    void aWildcardBindAddressTrustsNothingMoreAndAMissingHostIsSaidSo() {
        TrustedHosts wildcard = new TrustedHosts(List.of(), "0.0.0.0");

        assertThat(wildcard.check(request("0.0.0.0")).trusted()).isFalse();
        assertThat(wildcard.check(request("")).kind()).isEqualTo(TrustedHosts.Kind.MISSING);
        assertThat(wildcard.check(new DebugRequest("GET", "/", "", "HTTP/1.0", false, Map.of(), "127.0.0.1")).consoleDisabledReason())
                .isEqualTo("The console is disabled because this page was requested without a Host header.");
        assertThat(wildcard.check(request("evil.example:80")).consoleDisabledReason())
                .isEqualTo("The console is disabled because this page was requested as host evil.example, which is not"
                        + " trusted; add it with --trusted-host evil.example.");
    }

    private static DebugRequest request(String host) {
        return new DebugRequest("GET", "/__debugger__/auth", "", "HTTP/1.1", false, Map.of("Host", List.of(host)), "127.0.0.1");
    }
}
