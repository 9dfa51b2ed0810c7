package io.runserverplus.examples.javalin;

import io.runserverplus.adapter.javalin.JavalinApp;
import io.runserverplus.core.RunServerPlus;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An app that names its own port in Javalin's configuration ({@code -Down.port=N}), as public
 * samples do, counts how often its configuration function ran in this JVM (and says so on standard
 * output, with the JVM's pid), and dies on {@code /exit}: {@link SupervisedAddressIT} runs it under
 * the supervisor.
 */
final class OwnPortApp {

    private static final AtomicInteger CONFIGURED = new AtomicInteger();

    private OwnPortApp() {
    }

    public static void main(String[] args) {
        RunServerPlus.builder()
                .app(JavalinApp.of(config -> {
                    int runs = CONFIGURED.incrementAndGet();
                    System.out.println("configuration ran in JVM " + ProcessHandle.current().pid());
                    config.jetty.port = Integer.getInteger("own.port");
                    config.routes.get("/", ctx -> ctx.result("configured " + runs + " time(s) in JVM "
                            + ProcessHandle.current().pid()));
                    config.routes.get("/exit", ctx -> Runtime.getRuntime().halt(5)); // dies at once, as a crash
                }))
                .args(args)
                .start();
    }
}
