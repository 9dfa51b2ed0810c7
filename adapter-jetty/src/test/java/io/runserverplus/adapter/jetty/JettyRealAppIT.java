package io.runserverplus.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.contract.ContractServer;
import io.runserverplus.contract.RealAppContract;
import io.runserverplus.spi.WebApp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.junit.jupiter.api.Test;

/**
 * A Jetty app as its embedded examples build one: its own {@link Server} on its own port, whose
 * connector's {@link HttpConfiguration} does not announce Jetty's version, with a
 * {@link ContextHandler} holding an access check in front of a request size limit, the routes and
 * a {@link ResourceHandler} for its static files, a handler that maps the app's own exception, and
 * the server's own error handler for what no context answers.
 */
class JettyRealAppIT extends RealAppContract {

    static final String OWN_ERROR_PAGE = "the app's own error page: ";

    @Override
    protected WebApp realApp() {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(OWN_PORT);
        server.addConnector(connector);
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(server).newClassLoaderResource(STATIC_ROOT));
        files.setDirAllowed(false);
        SizeLimitHandler limit = new SizeLimitHandler(MAX_REQUEST_SIZE, -1);
        limit.setHandler(new OwnErrors(new Handler.Sequence(new Routes(), files)));
        server.setHandler(new ContextHandler(new AccessCheck(limit), CONTEXT_PATH));
        server.setErrorHandler(new OwnErrorPage());
        return JettyApp.of(server);
    }

    @Test
    void whatNoContextAnswersGetsTheServersOwnErrorPage() throws Exception {
        try (ContractServer server = new ContractServer(realApp())) {
            HttpResponse<String> elsewhere = server.get("/elsewhere", "text/html");

            assertThat(elsewhere.statusCode()).isEqualTo(404);
            assertThat(elsewhere.body()).isEqualTo(OWN_ERROR_PAGE + 404);
        }
    }

    @Test
    void theAppsHttpConfigurationStillHolds() throws Exception {
        try (ContractServer server = new ContractServer(realApp())) {
            HttpResponse<String> hello = server.get(CONTEXT_PATH + "/hello", null);

            assertThat(hello.body()).isEqualTo("hello");
            assertThat(hello.headers().firstValue("Server")).as("the app's setSendServerVersion(false)").isEmpty();
        }
    }

    private static void answer(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
        response.write(true, StandardCharsets.UTF_8.encode(body), callback);
    }

    /** The app's error handler for the whole server, as Jetty's examples subclass {@link ErrorHandler}. */
    private static final class OwnErrorPage extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            answer(response, callback, response.getStatus(), OWN_ERROR_PAGE + response.getStatus());
            return true;
        }
    }

    private static final class AccessCheck extends Handler.Wrapper {
        AccessCheck(Handler routes) {
            super(routes);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (!known(Request.getPathInContext(request))) {
                answer(response, callback, 401, DENIED);
                return true;
            }
            return super.handle(request, response, callback);
        }
    }

    private static final class OwnErrors extends Handler.Wrapper {
        OwnErrors(Handler routes) {
            super(routes);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            try {
                return super.handle(request, response, callback);
            } catch (TeapotException mine) {
                answer(response, callback, 418, MAPPED);
                return true;
            }
        }
    }

    private static final class Routes extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            switch (Request.getPathInContext(request)) {
                case "/hello" -> answer(response, callback, 200, "hello");
                case "/echo" -> answer(response, callback, 200, Content.Source.asString(request));
                case "/boom" -> throw new IllegalStateException(FAILURE);
                case "/mapped" -> throw new TeapotException();
                default -> {
                    return false;
                }
            }
            return true;
        }
    }
}
