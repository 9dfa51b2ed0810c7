package io.runserverplus.adapter.jetty;

import io.runserverplus.contract.RealAppContract;
import io.runserverplus.spi.WebApp;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty app as its embedded examples build one: a {@link ContextHandler} holding an access check
 * in front of the routes, and a handler that maps the app's own exception.
 */
class JettyRealAppIT extends RealAppContract {

    @Override
    protected WebApp realApp() {
        return JettyApp.of(new ContextHandler(new AccessCheck(new OwnErrors(new Routes())), CONTEXT_PATH));
    }

    private static void answer(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
        response.write(true, StandardCharsets.UTF_8.encode(body), callback);
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
        public boolean handle(Request request, Response response, Callback callback) {
            switch (Request.getPathInContext(request)) {
                case "/hello" -> answer(response, callback, 200, "hello");
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
