package io.runserverplus.adapter.jetty;

import io.runserverplus.contract.ModuleSurfaceContract;
import io.runserverplus.spi.WebApp;

class JettyModuleSurfaceIT extends ModuleSurfaceContract {
    @Override
    protected Class<? extends WebApp> appType() {
        return JettyApp.class;
    }
}
