package io.runserverplus.adapter.javalin;

import io.runserverplus.contract.ConsoleContract;
import io.runserverplus.contract.ContractRoute;
import io.runserverplus.contract.StreamingRoute;
import io.runserverplus.spi.WebApp;
import java.util.Map;

class JavalinConsoleIT extends ConsoleContract {

    @Override
    protected WebApp app(Map<String, ContractRoute> routes, Map<String, StreamingRoute> streams) {
        return JavalinContractApp.of(routes, streams);
    }
}
