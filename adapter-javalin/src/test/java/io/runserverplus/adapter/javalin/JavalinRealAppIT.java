package io.runserverplus.adapter.javalin;

import io.javalin.http.UnauthorizedResponse;
import io.runserverplus.contract.RealAppContract;
import io.runserverplus.spi.WebApp;

/** A Javalin app as its samples write one: context path, an access check before everything, its own exception mapper. */
class JavalinRealAppIT extends RealAppContract {

    @Override
    protected WebApp realApp() {
        return JavalinApp.of(config -> {
            config.router.contextPath = CONTEXT_PATH;
            config.routes.before(ctx -> {
                if (!known(ctx.path())) {
                    throw new UnauthorizedResponse(DENIED);
                }
            });
            config.routes.get("/hello", ctx -> ctx.result("hello"));
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
