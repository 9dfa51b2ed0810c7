package io.runserverplus.adapter.helidon;

import io.helidon.webserver.WebServer;
import io.runserverplus.contract.OwnAddressContract;
import io.runserverplus.spi.WebApp;

class HelidonOwnAddressIT extends OwnAddressContract {
    @Override
    protected WebApp appWithItsOwnPort(int port) {
        return HelidonApp.of(WebServer.builder().port(port), routing -> routing.get("/ok", (request, response) -> response.send("ok")));
    }
}
