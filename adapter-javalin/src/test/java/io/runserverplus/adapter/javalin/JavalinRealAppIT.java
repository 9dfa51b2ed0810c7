package io.runserverplus.adapter.javalin;

import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.staticfiles.Location;
import io.runserverplus.contract.RealAppContract;
import io.runserverplus.spi.WebApp;

/**
 * A Javalin app as its samples write one: its own port and request size limit, context path, static
 * files from the classpath, an access check before everything, its own exception mapper.
 */
class JavalinRealAppIT extends RealAppContract {

    @Override
    protected WebApp realApp() {
        return JavalinApp.of(config -> {
            config.jetty.port = OWN_PORT;
            config.http.maxRequestSize = MAX_REQUEST_SIZE;
            config.router.contextPath = CONTEXT_PATH;
            config.staticFiles.add("/" + STATIC_ROOT, Location.CLASSPATH);
            config.routes.before(ctx -> {
                if (!known(ctx.path())) {
                    throw new UnauthorizedResponse(DENIED);
                }
            });
            config.routes.get("/hello", ctx -> ctx.result("hello"));
            config.routes.post("/echo", ctx -> ctx.result(ctx.body()));
            config.routes.get("/boom", ctx -> {
                throw new IllegalStateException(FAILURE);
            });
            config.routes.get("/mapped", ctx -> {
                throw new TeapotException();
            });
            config.routes.exception(TeapotException.class, (failure, ctx) -> ctx.status(418).result(MAPPED));
            config.routes.exception(UnauthorizedResponse.class, (denied, ctx) -> ctx.status(401).result(denied.getMessage()));
        });
    }
}
