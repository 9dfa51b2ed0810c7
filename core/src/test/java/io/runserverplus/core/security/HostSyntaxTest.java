package io.runserverplus.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostSyntaxTest {

    @Test
    void thePortOfAHostHeaderOrTheDefault() {
        assertThat(HostSyntax.portOf("localhost:8000", 80)).isEqualTo(8000);
        assertThat(HostSyntax.portOf("localhost", 80)).isEqualTo(80);
        assertThat(HostSyntax.portOf("[::1]:8443", 443)).isEqualTo(8443);
        assertThat(HostSyntax.portOf("[::1]", 443)).isEqualTo(443);
        assertThat(HostSyntax.portOf("::1", 443)).as("a bare IPv6 literal has no port").isEqualTo(443);
        assertThat(HostSyntax.portOf("localhost:1@evil", 80)).as("malformed").isEqualTo(-1);
    }

    @Test
    void theAuthorityOfAnAbsoluteFormTarget() {
        assertThat(HostSyntax.authorityOfTarget("http://evil.example/__debugger__/eval")).isEqualTo("evil.example");
        assertThat(HostSyntax.authorityOfTarget("https://localhost:8000?x")).isEqualTo("localhost:8000");
        assertThat(HostSyntax.authorityOfTarget("http://user@evil.example/")).isEqualTo("user@evil.example");
        assertThat(HostSyntax.hostOf(HostSyntax.authorityOfTarget("http://user@localhost/"))).as("never trusted").isEmpty();
        assertThat(HostSyntax.hostOf(HostSyntax.authorityOfTarget("*"))).isEmpty();
    }
}
