package io.runserverplus.core.tls;

import io.runserverplus.core.settings.TlsSettings;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSLContext really serves HTTPS that curl and openssl accept with the generated certificate. */
class TlsHandshakeIT {

    private static final String BODY = "hello over TLS";

    @TempDir
    static Path dir;

    static TlsMaterial material;
    static HttpsServer server;
    static int port;

    @BeforeAll
    static void serve() throws IOException {
        material = DevelopmentCertificates.resolve(TlsSettings.fromCertAndKey(dir.resolve("dev").toString(), null),
                "127.0.0.1");
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(material.sslContext()));
        server.createContext("/", exchange -> {
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void curlTrustsTheGeneratedCertificateForLocalhost() {
        String cert = dir.resolve("dev.crt").toString();

        assertThat(Programs.ok(dir, "curl", "--silent", "--show-error", "--max-time", "10", "--cacert", cert,
                "https://localhost:" + port + "/")).isEqualTo(BODY);
    }

    @Test
    void curlTrustsTheGeneratedCertificateForTheLoopbackAddress() {
        String cert = dir.resolve("dev.crt").toString();

        assertThat(Programs.ok(dir, "curl", "--silent", "--show-error", "--max-time", "10", "--cacert", cert,
                "https://127.0.0.1:" + port + "/")).isEqualTo(BODY);
    }

    @Test
    void curlRefusesTheCertificateWithoutBeingToldToTrustIt() {
        Programs.Result result = Programs.run(dir, "curl", "--silent", "--show-error", "--max-time", "10",
                "https://localhost:" + port + "/");

        assertThat(result.exitCode()).isEqualTo(60); // CURLE_PEER_FAILED_VERIFICATION: it is self-signed
    }

    @Test
    void opensslSeesTheCertificateSubjectAndVerifiesIt() {
        String output = Programs.ok(dir, "openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-servername", "localhost", "-CAfile", "dev.crt", "-verify_hostname", "localhost");

        assertThat(output).containsPattern("CN ?= ?localhost").contains("Verify return code: 0 (ok)");
    }
}
