package io.runserverplus.adapter.helidon;

import io.runserverplus.contract.ModuleSurfaceContract;
import io.runserverplus.spi.WebApp;

class HelidonModuleSurfaceIT extends ModuleSurfaceContract {
    @Override
    protected Class<? extends WebApp> appType() {
        return HelidonApp.class;
    }
}
