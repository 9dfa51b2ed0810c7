package io.runserverplus.adapter.javalin;

import io.runserverplus.contract.ContractRoute;
import java.util.Map;

/** The contract routes as a Javalin app, written as a user would write routes. */
final class JavalinContractApp {
    private JavalinContractApp() {
    }

    static JavalinApp of(Map<String, ContractRoute> routes) {
        return JavalinApp.of(config -> routes.forEach((path, route) ->
                config.routes.get(path, ctx -> ctx.result(route.handle()))));
    }
}
