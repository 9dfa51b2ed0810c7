package io.runserverplus.adapter.helidon;

import io.runserverplus.spi.AdapterProvider;

/** Announces the Helidon adapter to core's discovery. */
public final class HelidonAdapterProvider implements AdapterProvider {

    static final String NAME = "helidon";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String artifact() {
        return "io.runserverplus:runserverplus-adapter-helidon";
    }

    @Override
    public String usage() {
        return "HelidonApp.of(routing -> ...)";
    }

    @Override
    public String frameworkArtifact() {
        return "io.helidon.webserver:helidon-webserver";
    }

    @Override
    public boolean isAvailable() {
        try {
            Class.forName("io.helidon.webserver.WebServer", false, HelidonAdapterProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException missing) {
            return false;
        }
    }
}
