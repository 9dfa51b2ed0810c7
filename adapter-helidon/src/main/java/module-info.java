/**
 * RunServerPlus for Helidon SE 4: {@code RunServerPlus.builder().app(HelidonApp.of(routing -> ...))}.
 * Its code uses only the port in {@code spi}; the user's module requires {@code io.runserverplus.core}
 * for the builder.
 */
module io.runserverplus.adapter.helidon {
    requires transitive io.runserverplus.spi;
    requires transitive io.helidon.webserver;
    requires io.helidon.http;
    requires io.helidon.common.socket;
    requires io.helidon.common.tls;
    requires io.helidon.common.config;
    requires java.logging;

    exports io.runserverplus.adapter.helidon;

    provides io.runserverplus.spi.AdapterProvider with io.runserverplus.adapter.helidon.discovery.HelidonAdapterProvider;
}
