package io.runserverplus.adapter.helidon;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import io.runserverplus.contract.RealAppContract;
import io.runserverplus.spi.WebApp;
import java.util.Map;

/**
 * A Helidon SE app as its examples write one: the server from its config (port, payload limit)
 * with the static content feature, a service under a prefix, a filter that checks access, its own
 * error handler.
 */
class HelidonRealAppIT extends RealAppContract {

    /** What the app's {@code application.yaml} would say under {@code server}. */
    private static final Config SERVER = Config.just(ConfigSources.create(Map.of(
            "port", String.valueOf(OWN_PORT),
            "max-payload-size", String.valueOf(MAX_REQUEST_SIZE))));

    @Override
    protected WebApp realApp() {
        return HelidonApp.of(WebServer.builder()
                .config(SERVER)
                .addFeature(StaticContentFeature.create(content -> content.addClasspath(classpath -> classpath
                        .location(STATIC_ROOT + "/static")
                        .context(CONTEXT_PATH + "/static")))), routing -> routing
                .addFilter((chain, request, response) -> {
                    if (known(request.path().path())) {
                        chain.proceed();
                    } else {
                        response.status(Status.UNAUTHORIZED_401).send(DENIED);
                    }
                })
                .register(CONTEXT_PATH, rules -> rules
                        .get("/hello", (request, response) -> response.send("hello"))
                        .post("/echo", (request, response) -> response.send(request.content().as(String.class)))
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
