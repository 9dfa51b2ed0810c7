package io.runserverplus.adapter.javalin;

import io.runserverplus.contract.BrowserContract;
import io.runserverplus.contract.ContractRoute;
import io.runserverplus.core.WebApp;
import java.util.Map;

class JavalinBrowserIT extends BrowserContract {

    @Override
    protected WebApp app(Map<String, ContractRoute> routes) {
        return JavalinContractApp.of(routes);
    }
}
