package io.runserverplus.adapter.helidon;

import io.helidon.http.HeaderNames;
import io.runserverplus.contract.ContractRoute;
import io.runserverplus.contract.ContractRoutes;
import io.runserverplus.contract.StreamingRoute;
import java.io.OutputStream;
import java.util.Map;

/** The contract routes as Helidon routing, written as a user would write routes. */
final class HelidonContractApp {
    private HelidonContractApp() {
    }

    static HelidonApp of(Map<String, ContractRoute> routes, Map<String, StreamingRoute> streams) {
        return HelidonApp.of(routing -> {
            routes.forEach((path, route) -> routing.get(path, (request, response) -> {
                String body = route.handle();
                response.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
                response.send(body);
            }));
            streams.forEach((path, route) -> routing.get(path, (request, response) -> {
                response.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
                OutputStream out = response.outputStream();
                route.write(out);
                out.close();
            }));
            routing.error(ContractRoutes.HandledByApp.class, (request, response, failure) ->
                    response.status(500).send(ContractRoutes.APP_ERROR_PAGE));
        });
    }
}
