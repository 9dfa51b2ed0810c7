package io.runserverplus.adapter.javalin;

import io.runserverplus.contract.ModuleSurfaceContract;
import io.runserverplus.spi.WebApp;

class JavalinModuleSurfaceIT extends ModuleSurfaceContract {
    @Override
    protected Class<? extends WebApp> appType() {
        return JavalinApp.class;
    }
}
