package io.runserverplus.adapter.javalin;

import io.runserverplus.contract.OwnAddressContract;
import io.runserverplus.spi.WebApp;

class JavalinOwnAddressIT extends OwnAddressContract {
    @Override
    protected WebApp appWithItsOwnPort(int port) {
        return JavalinApp.of(config -> {
            config.jetty.port = port;
            config.routes.get("/ok", ctx -> ctx.result("ok"));
        });
    }
}
