package io.runserverplus.examples.jetty;

import io.runserverplus.adapter.jetty.JettyApp;
import io.runserverplus.core.RunServerPlus;
import io.runserverplus.core.RunningServer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The Jetty 12 demo: {@code ./run-demo jetty [addrport]}. */
public final class JettyDemo extends Handler.Abstract {

    public static void main(String[] args) {
        start(args);
    }

    /** Starts the demo with runserver_plus arguments; tests call it with {@code 127.0.0.1:0}. */
    public static RunningServer start(String... args) {
        return RunServerPlus.builder()
                .app(JettyApp.of(JettyDemo::new))
                .args(args)
                .start();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String body = switch (Request.getPathInContext(request)) {
            case "/" -> "Hello from the Jetty demo";
            case "/boom" -> new Checkout(new Inventory()).placeOrder("alice", List.of("apple", "pear", "durian"));
            case "/chain" -> new ReportJob().run("2026-Q4");
            case "/error" -> throw new AssertionError("the demo's invariant checker gave up (an Error, not an Exception)");
            default -> null;
        };
        if (body == null) {
            return false; // Jetty answers 404
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        Content.Sink.write(response, true, body, callback);
        return true;
    }
}
