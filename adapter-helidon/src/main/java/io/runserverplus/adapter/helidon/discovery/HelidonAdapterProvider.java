package io.runserverplus.adapter.helidon.discovery;

import io.runserverplus.spi.AdapterProvider;

/** Announces the Helidon adapter to core's discovery; in a package of its own, which the module does not export. */
public final class HelidonAdapterProvider implements AdapterProvider {

    public static final String NAME = "helidon";

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
