package io.runserverplus.examples.jetty;

import io.runserverplus.contract.DemoContract;
import io.runserverplus.core.RunningServer;

class JettyDemoIT extends DemoContract {

    @Override
    protected RunningServer start(String... args) {
        return JettyDemo.start(args);
    }

    @Override
    protected Class<?> mainClass() {
        return JettyDemo.class;
    }

    @Override
    protected String framework() {
        return "Jetty";
    }
}
