package io.runserverplus.examples.javalin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.runserverplus.adapter.javalin.JavalinApp;
import io.runserverplus.core.RunServerPlus;
import io.runserverplus.core.RunningServer;
import java.util.List;

/** The Javalin demo: {@code ./run-demo javalin [addrport]}. */
public final class JavalinDemo {

    private JavalinDemo() {
    }

    public static void main(String[] args) {
        start(args);
    }

    /** Starts the demo with runserver_plus arguments; tests call it with {@code 127.0.0.1:0}. */
    public static RunningServer start(String... args) {
        return RunServerPlus.builder()
                .app(JavalinApp.of(JavalinDemo::routes))
                .args(args)
                .start();
    }

    static void routes(JavalinConfig config) {
        // Files under public/ (src/main/resources/public) are served as they are on disk: the
        // reloader does not restart the app when they change.
        config.staticFiles.add("/public", Location.CLASSPATH);
        config.routes.get("/", ctx -> ctx.result("Hello from the Javalin demo"));
        config.routes.get("/boom", ctx -> {
            Checkout checkout = new Checkout(new Inventory());
            ctx.result(checkout.placeOrder("alice", List.of("apple", "pear", "durian")));
        });
        config.routes.get("/chain", ctx -> ctx.result(new ReportJob().run("2026-Q4")));
        config.routes.get("/error", ctx -> {
            throw new AssertionError("the demo's invariant checker gave up (an Error, not an Exception)");
        });
    }
}
