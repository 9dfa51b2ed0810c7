package io.runserverplus.core.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * RunServerPlus's version, from a resource Maven filters at build time, so it is right when core
 * runs from {@code target/classes} as well as from its jar (a manifest exists only in the jar).
 */
final class ProductVersion {

    private ProductVersion() {
    }

    static String get() {
        try (InputStream in = ProductVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("core's version.properties is missing: core was not built by Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
