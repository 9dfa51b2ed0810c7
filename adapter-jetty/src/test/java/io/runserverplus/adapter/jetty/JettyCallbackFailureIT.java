package io.runserverplus.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.contract.ContractServer;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/** Jetty's own way to fail: a handler that took the request fails its callback, later, from another thread. */
class JettyCallbackFailureIT {

    @Test
    void aFailurePassedToTheCallbackGetsTheTracebackPage() throws Exception {
        JettyApp app = JettyApp.of(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Thread.ofVirtual().start(() -> callback.failed(new IllegalStateException("the card was refused")));
                return true;
            }
        });
        try (ContractServer server = new ContractServer(app)) {
            HttpResponse<String> page = server.get("/pay", "text/html");

            assertThat(page.statusCode()).isEqualTo(500);
            assertThat(page.body().replace("<wbr>", "")).contains("<h1>java.lang.IllegalStateException</h1>")
                    .contains("the card was refused");
            assertThat(server.get("/pay", "text/plain").body())
                    .contains("java.lang.IllegalStateException: the card was refused");
        }
    }
}
