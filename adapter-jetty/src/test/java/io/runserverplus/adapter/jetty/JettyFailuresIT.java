package io.runserverplus.adapter.jetty;

import io.runserverplus.contract.FailuresContract;
import io.runserverplus.contract.ContractRoute;
import io.runserverplus.contract.StreamingRoute;
import io.runserverplus.spi.WebApp;
import java.util.Map;

class JettyFailuresIT extends FailuresContract {

    @Override
    protected WebApp app(Map<String, ContractRoute> routes, Map<String, StreamingRoute> streams) {
        return JettyContractApp.of(routes, streams);
    }
}
