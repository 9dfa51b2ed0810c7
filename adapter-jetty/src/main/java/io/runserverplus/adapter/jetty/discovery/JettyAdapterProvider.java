package io.runserverplus.adapter.jetty.discovery;

import io.runserverplus.spi.AdapterProvider;

/** Announces the Jetty adapter to core's discovery; in a package of its own, which the module does not export. */
public final class JettyAdapterProvider implements AdapterProvider {

    public static final String NAME = "jetty";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String artifact() {
        return "io.runserverplus:runserverplus-adapter-jetty";
    }

    @Override
    public String usage() {
        return "JettyApp.of(handler)";
    }

    @Override
    public String frameworkArtifact() {
        return "org.eclipse.jetty:jetty-server";
    }

    @Override
    public boolean isAvailable() {
        try {
            Class.forName("org.eclipse.jetty.server.Server", false, JettyAdapterProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException missing) {
            return false;
        }
    }
}
