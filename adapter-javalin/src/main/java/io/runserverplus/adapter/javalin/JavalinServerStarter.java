package io.runserverplus.adapter.javalin;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.runserverplus.jetty.support.DebuggerRoutes;
import io.runserverplus.jetty.support.JettyConnectors;
import io.runserverplus.jetty.support.JettyRequestLog;
import io.runserverplus.spi.AppServer;
import io.runserverplus.spi.Debugger;
import io.runserverplus.spi.RequestLogSink;
import io.runserverplus.spi.ServerSetup;
import io.runserverplus.spi.ServerStarter;

/**
 * Starts Javalin with the debugger wired in: {@code /__debugger__/} and the console page answered
 * by a Jetty handler around Javalin's servlet context (so the app's before-handlers, access
 * manager, after-handlers, compression and context path never touch them), a default exception
 * handler that answers with the traceback page (handlers the app registers for its own exception
 * types still win), a handler wrapper that catches {@link Error}s (Javalin's exception mapping
 * only sees {@link Exception}s), and a Jetty request log feeding the {@link RequestLogSink}. A failure
 * that an exception handler of the app answered with a 5xx is recorded for the failures list, the
 * app's answer kept.
 */
final class JavalinServerStarter implements ServerStarter {

    private final JavalinApp app;

    JavalinServerStarter(JavalinApp app) {
        this.app = app;
    }

    @Override
    public AppServer start(ServerSetup setup) {
        Debugger debugger = setup.debugger();
        Javalin javalin = Javalin.create(config -> {
            installDebugger(config, debugger, setup.requestLog());
            config.jetty.addConnector((server, http) -> JettyConnectors.create(server, http, setup));
            app.configuration().accept(config);
            // Registered after the app's own server changes, so it wraps whatever handler they set;
            // Javalin then puts its servlet context inside it.
            config.jetty.modifyServer(server -> server.setHandler(new DebuggerRoutes(server.getHandler(), debugger)));
        });
        javalin.start();
        return AppServer.of(javalin, javalin::port, javalin::stop);
    }

    private static void installDebugger(JavalinConfig config, Debugger debugger, RequestLogSink requestLog) {
        // RunServerPlus prints its own banner; Javalin's would only repeat it.
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.routes.exception(Exception.class, (exception, ctx) -> fail(ctx, exception, debugger));
        config.router.handlerWrapper(endpoint -> ctx -> {
            try {
                endpoint.handler.handle(ctx);
            } catch (Error error) {
                fail(ctx, error, debugger);
            } catch (Exception failure) {
                // Kept for the after-handler: if an exception handler of the app answers instead
                // of the debugger's, the failure is still recorded (see recordIfHandledByApp).
                ctx.attribute(FAILURE, failure);
                throw failure;
            }
        });
        config.routes.after(ctx -> recordIfHandledByApp(ctx, debugger));
        config.jetty.modifyServer(server -> server.setRequestLog(new JettyRequestLog(requestLog)));
    }

    /** The request attribute holding the exception an endpoint threw, until the debugger answers it. */
    private static final String FAILURE = JavalinServerStarter.class.getName() + ".failure";

    /** Runs after the exception handlers; a request that did not fail only pays one attribute lookup. */
    private static void recordIfHandledByApp(Context ctx, Debugger debugger) {
        if (ctx.attribute(FAILURE) instanceof Exception failure) {
            ctx.req().removeAttribute(FAILURE);
            debugger.handledByApp(JavalinExchange.request(ctx), failure, ctx.statusCode()).forEach(ctx::header);
        }
    }

    private static void fail(Context ctx, Throwable failure, Debugger debugger) {
        ctx.req().removeAttribute(FAILURE);
        if (ctx.res().isCommitted()) {
            debugger.handleFailureAfterCommit(JavalinExchange.request(ctx), failure);
            JavalinExchange.cutConnection(ctx);
            return;
        }
        JavalinExchange.respond(ctx, debugger.handleFailure(JavalinExchange.request(ctx), failure));
    }
}
