/**
 * Jetty 12 code shared by the Jetty and the Javalin adapter: the debugger's routes, the neutral
 * request and response, the connector, the request log and the warm-up. No AdapterProvider: this
 * module announces no adapter, and only the two adapters may read its package.
 */
module io.runserverplus.jetty.support {
    requires transitive io.runserverplus.spi;
    requires transitive org.eclipse.jetty.server;

    exports io.runserverplus.jetty.support to io.runserverplus.adapter.jetty, io.runserverplus.adapter.javalin;
}
