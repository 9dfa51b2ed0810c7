package io.runserverplus.adapter.helidon;

import io.helidon.http.Status;
import io.runserverplus.contract.RealAppContract;
import io.runserverplus.spi.WebApp;

/** A Helidon SE app as its examples write one: a service under a prefix, a filter that checks access, its own error handler. */
class HelidonRealAppIT extends RealAppContract {

    @Override
    protected WebApp realApp() {
        return HelidonApp.of(routing -> routing
                .addFilter((chain, request, response) -> {
                    if (known(request.path().path())) {
                        chain.proceed();
                    } else {
                        response.status(Status.UNAUTHORIZED_401).send(DENIED);
                    }
                })
                .register(CONTEXT_PATH, rules -> rules
                        .get("/hello", (request, response) -> response.send("hello"))
                        .get("/boom", (request, response) -> {
                            throw new IllegalStateException(FAILURE);
                        })
                        .get("/mapped", (request, response) -> {
                            throw new TeapotException();
                        }))
                .error(TeapotException.class, (request, response, failure) ->
                        response.status(Status.create(418)).send(MAPPED)));
    }
}
