package com.example;

import io.runserverplus.adapter.jetty.JettyApp;
import io.runserverplus.core.RunServerPlus;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;

public final class App {

    public static void main(String[] args) {
        System.out.println("sample app: starting");
        Server server = new Server();
        server.setHandler(new ContextHandler(new Hello(), "/"));
        RunServerPlus.builder().app(JettyApp.of(server)).args(args).start();
    }

    static final class Hello extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
            response.write(true, StandardCharsets.UTF_8.encode("Hello from the sample app"), callback);
            return true;
        }
    }
}
