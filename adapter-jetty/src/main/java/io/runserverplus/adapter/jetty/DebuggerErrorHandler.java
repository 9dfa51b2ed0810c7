package io.runserverplus.adapter.jetty;

import io.runserverplus.jetty.support.JettyExchange;
import io.runserverplus.spi.Debugger;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The server's error handler: a throwable that a {@code ContextHandler} (or Jetty itself) caught
 * and turned into an error response gets the traceback page, since it never reaches
 * {@link DebuggerHandler}; Jetty's own error answers (404, 400, ...) keep the page of the server's
 * error handler the app set, or Jetty's. A context with an error handler of its own keeps it: the
 * app chose how its errors look.
 */
final class DebuggerErrorHandler implements Request.Handler {

    private final Debugger debugger;
    private final Request.Handler apps;

    /** {@code apps} is the server's error handler before RunServerPlus set this one, if any. */
    DebuggerErrorHandler(Request.Handler apps, Debugger debugger) {
        this.apps = apps != null ? apps : new ErrorHandler();
        this.debugger = debugger;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // Jetty's own refusals (a bad request, no Host, an ambiguous path) carry an HttpException
        // and a 4xx status: they are answers, not failures of the app.
        if (!(request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof Throwable failure)
                || failure instanceof HttpException
                || !Integer.valueOf(500).equals(request.getAttribute(ErrorHandler.ERROR_STATUS))) {
            return apps.handle(request, response, callback);
        }
        JettyExchange.respond(response, callback, debugger.handleFailure(JettyExchange.request(request), failure));
        return true;
    }
}
