/** RunServerPlus for Helidon SE 4: {@code RunServerPlus.builder().app(HelidonApp.of(routing -> ...))}. */
module io.runserverplus.adapter.helidon {
    requires transitive io.runserverplus.core;
    requires transitive io.helidon.webserver;
    requires io.helidon.http;
    requires io.helidon.common.socket;
    requires io.helidon.common.tls;
    requires java.logging;

    exports io.runserverplus.adapter.helidon;
    opens io.runserverplus.adapter.helidon to com.google.guice;

    provides io.runserverplus.spi.AdapterProvider with io.runserverplus.adapter.helidon.HelidonAdapterProvider;
}
