package com.example;

import io.javalin.config.JavalinConfig;
import io.runserverplus.adapter.javalin.JavalinApp;
import io.runserverplus.core.RunServerPlus;

public final class App {

    public static void main(String[] args) {
        RunServerPlus.builder().app(JavalinApp.of(App::routes)).args(args).start();
    }

    static void routes(JavalinConfig config) {
        config.routes.get("/", ctx -> ctx.contentType("text/plain; charset=UTF-8").result(Greeting.text()));
    }
}
