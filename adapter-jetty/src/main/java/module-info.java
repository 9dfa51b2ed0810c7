/**
 * RunServerPlus for Jetty 12: {@code RunServerPlus.builder().app(JettyApp.of(handler))}. Its code
 * uses only the port in {@code spi} (and the Jetty code it shares with the Javalin adapter); the
 * user's module requires {@code io.runserverplus.core} for the builder.
 */
module io.runserverplus.adapter.jetty {
    requires transitive io.runserverplus.spi;
    requires transitive org.eclipse.jetty.server;
    requires io.runserverplus.jetty.support;

    exports io.runserverplus.adapter.jetty;

    provides io.runserverplus.spi.AdapterProvider with io.runserverplus.adapter.jetty.discovery.JettyAdapterProvider;
}
