package com.example;

import io.helidon.webserver.WebServer;
import io.runserverplus.adapter.helidon.HelidonApp;
import io.runserverplus.core.RunServerPlus;

public final class App {

    public static void main(String[] args) {
        System.out.println("sample app: starting");
        RunServerPlus.builder()
                .app(HelidonApp.of(WebServer.builder().maxPayloadSize(1024), routing -> routing
                        .get("/", (request, response) -> response.send("Hello from the sample app"))))
                .args(args).start();
    }
}
