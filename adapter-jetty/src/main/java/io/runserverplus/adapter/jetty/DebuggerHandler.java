package io.runserverplus.adapter.jetty;

import io.runserverplus.jetty.support.DebuggerRoutes;
import io.runserverplus.jetty.support.JettyExchange;
import io.runserverplus.spi.Debugger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Puts the debugger in front of the app's handler: {@link DebuggerRoutes}, and every throwable the
 * app throws, or fails its callback with, turned into the traceback page (or, once the response is
 * committed, a log record and a cut connection).
 */
final class DebuggerHandler extends DebuggerRoutes {

    DebuggerHandler(Handler application, Debugger debugger) {
        super(application, debugger);
    }

    @Override
    protected boolean handleApplication(Request request, Response response, Callback callback) throws Exception {
        try {
            return super.handleApplication(request, response, new FailureGuard(callback, request, response));
        } catch (Throwable failure) {
            fail(request, response, callback, failure);
            return true;
        }
    }

    /**
     * The app's callback, with its failure turned into the page. One object a request, and it keeps
     * the callback's invocation type: {@code Callback.from(Runnable, Consumer)} says BLOCKING, which
     * costs Jetty a few per cent of its throughput.
     */
    private final class FailureGuard extends Callback.Nested {
        private final Request request;
        private final Response response;

        FailureGuard(Callback callback, Request request, Response response) {
            super(callback);
            this.request = request;
            this.response = response;
        }

        @Override
        public void failed(Throwable failure) {
            fail(request, response, getCallback(), failure);
        }
    }

    private void fail(Request request, Response response, Callback callback, Throwable failure) {
        if (response.isCommitted()) {
            debugger.handleFailureAfterCommit(JettyExchange.request(request), failure);
            // Failing the callback after commit makes Jetty abort the connection: the client sees
            // a broken exchange, not a complete-looking truncated one.
            callback.failed(failure);
            return;
        }
        response.reset();
        JettyExchange.respond(response, callback, debugger.handleFailure(JettyExchange.request(request), failure));
    }
}
