package io.runserverplus.adapter.jetty;

import io.runserverplus.jetty.support.JettyExchange;
import io.runserverplus.spi.Debugger;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * A context of the app with an error handler of its own keeps it (the app chose how its errors
 * look, see {@link DebuggerErrorHandler}); wrapped here, a failure it answers with a 5xx (a
 * throwable of a handler in that context, or one a handler caught and passed on with
 * {@code Response.writeError(..., cause)}) is still recorded for the failures list, and the answer
 * links to its page. A handler that catches and answers without passing the exception on leaves
 * nothing to record.
 */
final class AppErrorHandlers {

    private AppErrorHandlers() {
    }

    static void recordIn(Server server, Debugger debugger) {
        for (ContextHandler context : server.getDescendants(ContextHandler.class)) {
            Request.Handler theirs = context.getErrorHandler();
            if (theirs != null && !(theirs instanceof Recording)) {
                context.setErrorHandler(new Recording(theirs, debugger));
            }
        }
    }

    private record Recording(Request.Handler theirs, Debugger debugger) implements Request.Handler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof Throwable failure
                    && request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer status) {
                debugger.handledByApp(JettyExchange.request(request), failure, status)
                        .forEach((name, value) -> response.getHeaders().put(name, value));
            }
            return theirs.handle(request, response, callback);
        }
    }
}
