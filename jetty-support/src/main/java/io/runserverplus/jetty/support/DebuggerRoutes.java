package io.runserverplus.jetty.support;

import io.runserverplus.spi.Debugger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers {@code /__debugger__/} requests and the standalone console page before any handler of
 * the app sees them, and passes every other request on. Put around the whole server's handler, it
 * keeps the app's access checks, security handlers, compression and context paths out of the
 * debugger's way: its page links {@code /__debugger__/...} from the server's root whatever
 * context the failing request was in. The Javalin adapter puts it around Javalin's servlet context.
 */
public class DebuggerRoutes extends Handler.Wrapper {

    protected final Debugger debugger;
    private final String consolePath;
    private final boolean liveReload;

    public DebuggerRoutes(Handler application, Debugger debugger) {
        super(application);
        this.debugger = debugger;
        this.consolePath = debugger.consolePath().orElse(null);
        this.liveReload = debugger.liveReload();
    }

    @Override
    public final boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (Debugger.isDebuggerPath(path)) {
            JettyExchange.respond(response, callback, debugger.handleCommand(JettyExchange.command(request)));
            return true;
        }
        if (path.equals(consolePath) && "GET".equals(request.getMethod())) {
            JettyExchange.respond(response, callback, debugger.handleConsolePage(JettyExchange.command(request)));
            return true;
        }
        if (liveReload) {
            LiveReloadResponse page = new LiveReloadResponse(request, response);
            return handleApplication(request, page, page.completing(callback));
        }
        return handleApplication(request, response, callback);
    }

    /** Every request that is not the debugger's: the app's handler. */
    protected boolean handleApplication(Request request, Response response, Callback callback) throws Exception {
        return super.handle(request, response, callback);
    }
}
