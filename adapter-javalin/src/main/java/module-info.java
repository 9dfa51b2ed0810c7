/** RunServerPlus for Javalin 7: {@code RunServerPlus.builder().app(JavalinApp.of(config -> ...))}. */
module io.runserverplus.adapter.javalin {
    requires transitive io.runserverplus.core;
    requires transitive io.javalin;
    requires io.runserverplus.adapter.jetty;
    requires org.eclipse.jetty.server;
    requires jakarta.servlet;
    requires org.eclipse.jetty.ee10.servlet;
    requires org.eclipse.jetty.io;

    exports io.runserverplus.adapter.javalin;
    opens io.runserverplus.adapter.javalin to com.google.guice;

    provides io.runserverplus.spi.AdapterProvider with io.runserverplus.adapter.javalin.JavalinAdapterProvider;
}
