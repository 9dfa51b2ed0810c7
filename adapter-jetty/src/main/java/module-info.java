/** RunServerPlus for Jetty 12: {@code RunServerPlus.builder().app(JettyApp.of(handler))}. */
module io.runserverplus.adapter.jetty {
    requires transitive io.runserverplus.core;
    requires transitive org.eclipse.jetty.server;

    exports io.runserverplus.adapter.jetty;
    opens io.runserverplus.adapter.jetty to com.google.guice;

    provides io.runserverplus.spi.AdapterProvider with io.runserverplus.adapter.jetty.JettyAdapterProvider;
}
