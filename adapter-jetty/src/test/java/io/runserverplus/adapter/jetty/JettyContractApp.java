package io.runserverplus.adapter.jetty;

import io.runserverplus.contract.ContractRoute;
import io.runserverplus.contract.ContractRoutes;
import io.runserverplus.contract.StreamingRoute;
import java.io.OutputStream;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;

/** The contract routes as a Jetty core handler, written as a user would write one. */
final class JettyContractApp {
    private JettyContractApp() {
    }

    static JettyApp of(Map<String, ContractRoute> routes, Map<String, StreamingRoute> streams) {
        Handler routing = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = Request.getPathInContext(request);
                ContractRoute route = routes.get(path);
                if (route != null) {
                    String body = route.handle();
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
                    Content.Sink.write(response, true, body, callback);
                    return true;
                }
                StreamingRoute stream = streams.get(path);
                if (stream != null) {
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
                    OutputStream out = Content.Sink.asOutputStream(response);
                    stream.write(out);
                    out.close();
                    callback.succeeded();
                    return true;
                }
                return false;
            }
        };
        return JettyApp.of(new Handler.Sequence(handledByApp(), routing));
    }

    /**
     * {@link ContractRoutes#HANDLED_BY_APP} in a context with an error handler of its own, which
     * writes the app's error page: Jetty's context hands a throwable of its handler to it.
     */
    private static Handler handledByApp() {
        ContextHandler context = new ContextHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (!ContractRoutes.HANDLED_BY_APP.equals(Request.getPathInContext(request))) {
                    return false;
                }
                throw new ContractRoutes.HandledByApp("the app answers this failure itself");
            }
        }, "/");
        context.setErrorHandler((request, response, callback) -> {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            Content.Sink.write(response, true, ContractRoutes.APP_ERROR_PAGE, callback);
            return true;
        });
        return context;
    }

}
