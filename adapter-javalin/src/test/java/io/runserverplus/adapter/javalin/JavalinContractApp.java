package io.runserverplus.adapter.javalin;

import io.runserverplus.contract.ContractRoute;
import io.runserverplus.contract.ContractRoutes;
import io.runserverplus.contract.StreamingRoute;
import java.util.Map;

/** The contract routes as a Javalin app, written as a user would write routes. */
final class JavalinContractApp {
    private JavalinContractApp() {
    }

    static JavalinApp of(Map<String, ContractRoute> routes, Map<String, StreamingRoute> streams) {
        return JavalinApp.of(config -> {
            routes.forEach((path, route) -> config.routes.get(path, ctx -> ctx.result(route.handle())));
            streams.forEach((path, route) -> config.routes.get(path, ctx -> route.write(ctx.outputStream())));
            config.routes.exception(ContractRoutes.HandledByApp.class,
                    (failure, ctx) -> ctx.status(500).result(ContractRoutes.APP_ERROR_PAGE));
        });
    }
}
