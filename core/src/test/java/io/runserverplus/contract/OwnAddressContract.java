package io.runserverplus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.core.RunServerPlus;
import io.runserverplus.core.RunningServer;
import io.runserverplus.core.terminal.Terminal;
import io.runserverplus.spi.WebApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The app's own server settings, as it would run without RunServerPlus: the port it sets is used
 * when no RunServerPlus setting names an address, and otherwise named in one warning line.
 */
public abstract class OwnAddressContract {

    /** The app as it sets its own port (Javalin's {@code config.jetty.port}, ...), answering "ok" at {@code /ok}. */
    protected abstract WebApp appWithItsOwnPort(int port);

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private RunServerPlus.Builder builder(WebApp app) {
        return RunServerPlus.builder().app(app).pin(ContractServer.PIN).useReloader(false)
                .terminal(new Terminal(new PrintStream(output, true, StandardCharsets.UTF_8), false));
    }

    @Test
    void theAppsOwnPortIsUsedWhenNoRunServerPlusSettingNamesOne() throws Exception {
        int port = freePort();
        try (RunningServer server = builder(appWithItsOwnPort(port)).start()) {
            assertThat(server.port()).isEqualTo(port);
            assertThat(get("http://127.0.0.1:" + port + "/ok")).isEqualTo("ok");
            assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain("WARNING: the app's own");
        }
    }

    @Test
    void aRunServerPlusAddressWinsAndTheAppsPortIsNamedInOneWarningLine() throws Exception {
        int port = freePort();
        try (RunningServer server = builder(appWithItsOwnPort(port)).addrPort("127.0.0.1:0").start()) {
            assertThat(server.port()).isNotEqualTo(port);
            assertThat(get(server.url() + "/ok")).isEqualTo("ok");
            assertThat(output.toString(StandardCharsets.UTF_8).lines()
                    .filter(line -> line.contains("the app's own port " + port)))
                    .singleElement().asString()
                    .startsWith("WARNING: the app's own port " + port + " (")
                    .endsWith("is not used: a RunServerPlus setting names 127.0.0.1:0; drop one of the two.");
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String get(String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
