package io.runserverplus.contract;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import io.runserverplus.core.RunServerPlus;
import io.runserverplus.core.RunningServer;
import io.runserverplus.core.source.SourceLocator;
import io.runserverplus.core.terminal.Terminal;
import io.runserverplus.spi.WebApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** The contract app running on a loopback port, with what it prints (banner, request lines) captured. */
public final class ContractServer implements AutoCloseable {

    /** Relative to an adapter's folder; the compat modules, one level deeper, say where it is. */
    static final Path CONTRACT_SOURCES = Path.of(System.getProperty("runserverplus.test.contract-sources",
            Path.of("..", "core", "src", "test", "java").toString()));

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final RunningServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The PIN every contract server has, so tests and the browser can type it. */
    public static final String PIN = "123-456-789";

    public ContractServer(WebApp app) {
        this(app, builder -> { });
    }

    /** A contract server with more builder settings, e.g. {@code builder -> builder.trustedHosts(...)}. */
    public ContractServer(WebApp app, java.util.function.Consumer<RunServerPlus.Builder> settings) {
        RunServerPlus.Builder builder = RunServerPlus.builder()
                .app(app)
                .pin(PIN)
                .addrPort("127.0.0.1:0")
                .useReloader(false)
                .applicationPackages("io.runserverplus.contract")
                .sourceRoots(CONTRACT_SOURCES)
                .terminal(new Terminal(new PrintStream(output, true, StandardCharsets.UTF_8), false))
                .modules(new AbstractModule() {
                    @Override
                    protected void configure() {
                        OptionalBinder.newOptionalBinder(binder(), SourceLocator.class)
                                .setBinding().to(HidingSourceLocator.class);
                    }
                });
        settings.accept(builder);
        server = builder.start();
    }

    public String url(String path) {
        return server.url() + path;
    }

    public int port() {
        return server.port();
    }

    /** Everything printed so far (banner, request lines). */
    public String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    public HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.stop();
    }
}
