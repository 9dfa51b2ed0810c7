package com.example.app;

import com.example.greeting.Greeting;
import io.runserverplus.adapter.javalin.JavalinApp;
import io.runserverplus.core.RunServerPlus;

public final class ShopApp {

    public static void main(String[] args) {
        RunServerPlus.builder()
                .app(JavalinApp.of(config -> config.routes.get("/", ctx -> ctx.result(Greeting.text()))))
                .args(args)
                .start();
    }
}
