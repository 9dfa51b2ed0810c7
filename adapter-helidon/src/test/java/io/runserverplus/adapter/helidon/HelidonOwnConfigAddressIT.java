package io.runserverplus.adapter.helidon;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.runserverplus.contract.OwnAddressContract;
import io.runserverplus.spi.WebApp;
import java.util.Map;

/** The app's server configuration from Helidon config, as {@code config.get("server")} gives it. */
class HelidonOwnConfigAddressIT extends OwnAddressContract {
    @Override
    protected WebApp appWithItsOwnPort(int port) {
        Config config = Config.just(ConfigSources.create(Map.of("server.port", String.valueOf(port))));
        return HelidonApp.of(config.get("server"), routing -> routing.get("/ok", (request, response) -> response.send("ok")));
    }
}
