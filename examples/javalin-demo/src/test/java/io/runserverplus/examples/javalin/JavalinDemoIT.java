package io.runserverplus.examples.javalin;

import io.runserverplus.contract.DemoContract;
import io.runserverplus.core.RunningServer;

class JavalinDemoIT extends DemoContract {

    @Override
    protected RunningServer start(String... args) {
        return JavalinDemo.start(args);
    }

    @Override
    protected Class<?> mainClass() {
        return JavalinDemo.class;
    }

    @Override
    protected String framework() {
        return "Javalin";
    }
}
