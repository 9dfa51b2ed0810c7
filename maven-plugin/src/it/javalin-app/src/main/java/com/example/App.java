package com.example;

import io.javalin.config.JavalinConfig;
import io.runserverplus.adapter.javalin.JavalinApp;
import io.runserverplus.core.RunServerPlus;

public final class App {

    public static void main(String[] args) {
        System.out.println("sample app: starting");
        RunServerPlus.builder().app(JavalinApp.of(App::routes)).args(args).start();
    }

    static void routes(JavalinConfig config) {
        config.routes.get("/", ctx -> ctx.result("Hello from the sample app"));
    }
}
