package io.runserverplus.adapter.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import io.runserverplus.contract.ContractServer;
import io.runserverplus.contract.RealAppContract;
import java.net.http.HttpResponse;
import io.runserverplus.spi.WebApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Helidon SE app as its examples write one: the server from its config (port, payload limit)
 * with the static content and observe (health) features, a service under a prefix, a filter that checks access, its own
 * error handler.
 */
class HelidonRealAppIT extends RealAppContract {

    /** What the app's {@code application.yaml} would say under {@code server}. */
    private static final Config SERVER = Config.just(ConfigSources.create(Map.of(
            "port", String.valueOf(OWN_PORT),
            "max-payload-size", String.valueOf(MAX_REQUEST_SIZE))));

    /** Where the app's observe feature answers; its access check lets it through, as Helidon's examples leave health open. */
    private static final String OBSERVE = CONTEXT_PATH + "/observe";

    @Test
    void theAppsHealthFeatureAnswers() throws Exception {
        try (ContractServer server = new ContractServer(realApp())) {
            HttpResponse<String> health = server.get(OBSERVE + "/health", "application/json");

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        }
    }

    @Override
    protected WebApp realApp() {
        return HelidonApp.of(WebServer.builder()
                .config(SERVER)
                .addFeature(StaticContentFeature.create(content -> content.addClasspath(classpath -> classpath
                        .location(STATIC_ROOT + "/static")
                        .context(CONTEXT_PATH + "/static"))))
                .addFeature(ObserveFeature.builder().endpoint(OBSERVE)
                        .addObserver(HealthObserver.builder().details(true).build()).build()), routing -> routing
                .addFilter((chain, request, response) -> {
                    if (known(request.path().path()) || request.path().path().startsWith(OBSERVE + "/")) {
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
