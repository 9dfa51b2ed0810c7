package io.runserverplus.adapter.javalin.discovery;

import io.runserverplus.spi.AdapterProvider;

/** Announces the Javalin adapter to core's discovery; in a package of its own, which the module does not export. */
public final class JavalinAdapterProvider implements AdapterProvider {

    public static final String NAME = "javalin";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String artifact() {
        return "io.runserverplus:runserverplus-adapter-javalin";
    }

    @Override
    public String usage() {
        return "JavalinApp.of(config -> ...)";
    }

    @Override
    public String frameworkArtifact() {
        return "io.javalin:javalin";
    }

    @Override
    public boolean isAvailable() {
        try {
            Class.forName("io.javalin.Javalin", false, JavalinAdapterProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException missing) {
            return false;
        }
    }
}
