package io.runserverplus.adapter.javalin;

import io.runserverplus.contract.FailuresContract;
import io.runserverplus.contract.ContractRoute;
import io.runserverplus.contract.StreamingRoute;
import io.runserverplus.spi.WebApp;
import java.util.Map;

class JavalinFailuresIT extends FailuresContract {

    @Override
    protected WebApp app(Map<String, ContractRoute> routes, Map<String, StreamingRoute> streams) {
        return JavalinContractApp.of(routes, streams);
    }
}
