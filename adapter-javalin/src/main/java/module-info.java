/**
 * RunServerPlus for Javalin 7: {@code RunServerPlus.builder().app(JavalinApp.of(config -> ...))}.
 * Its code uses only the port in {@code spi} and the Jetty code it shares with the Jetty adapter
 * (which is not on its class path, so only this adapter is announced); the user's module requires
 * {@code io.runserverplus.core} for the builder.
 */
module io.runserverplus.adapter.javalin {
    requires transitive io.runserverplus.spi;
    requires transitive io.javalin;
    requires io.runserverplus.jetty.support;
    requires org.eclipse.jetty.server;
    requires jakarta.servlet;
    requires org.eclipse.jetty.ee10.servlet;
    requires org.eclipse.jetty.io;

    exports io.runserverplus.adapter.javalin;

    provides io.runserverplus.spi.AdapterProvider with io.runserverplus.adapter.javalin.discovery.JavalinAdapterProvider;
}
