/**
 * The Jetty demo as a module, so that ModulePathIT can run it on the module path: core finds the
 * console and the reloader through their {@code provides}, without the demo naming them.
 */
module io.runserverplus.examples.jetty {
    requires io.runserverplus.adapter.jetty;
    requires io.runserverplus.core;
    requires org.eclipse.jetty.server;
}
