package io.runserverplus.examples.helidon;

import io.helidon.webserver.http.HttpRouting;
import io.runserverplus.adapter.helidon.HelidonApp;
import io.runserverplus.core.RunServerPlus;
import io.runserverplus.core.RunningServer;
import java.util.List;

/** The Helidon SE demo: {@code ./run-demo helidon [addrport]}. */
public final class HelidonDemo {

    private HelidonDemo() {
    }

    public static void main(String[] args) {
        start(args);
    }

    /** Starts the demo with runserver_plus arguments; tests call it with {@code 127.0.0.1:0}. */
    public static RunningServer start(String... args) {
        return RunServerPlus.builder()
                .app(HelidonApp.of(HelidonDemo::routes))
                .args(args)
                .start();
    }

    static void routes(HttpRouting.Builder routing) {
        routing.get("/", (request, response) -> response.send("Hello from the Helidon demo"));
        routing.get("/boom", (request, response) -> {
            Checkout checkout = new Checkout(new Inventory());
            response.send(checkout.placeOrder("alice", List.of("apple", "pear", "durian")));
        });
        routing.get("/chain", (request, response) -> response.send(new ReportJob().run("2026-Q4")));
        routing.get("/error", (request, response) -> {
            throw new AssertionError("the demo's invariant checker gave up (an Error, not an Exception)");
        });
    }
}
