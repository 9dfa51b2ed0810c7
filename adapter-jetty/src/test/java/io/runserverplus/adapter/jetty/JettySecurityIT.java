package io.runserverplus.adapter.jetty;

import io.runserverplus.contract.ContractRoute;
import io.runserverplus.contract.SecurityContract;
import io.runserverplus.contract.StreamingRoute;
import io.runserverplus.spi.WebApp;
import java.util.Map;

class JettySecurityIT extends SecurityContract {

    @Override
    protected WebApp app(Map<String, ContractRoute> routes, Map<String, StreamingRoute> streams) {
        return JettyContractApp.of(routes, streams);
    }
}
