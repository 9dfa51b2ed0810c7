package io.runserverplus.examples.helidon;

import io.runserverplus.contract.DemoContract;
import io.runserverplus.core.RunningServer;

class HelidonDemoIT extends DemoContract {

    @Override
    protected RunningServer start(String... args) {
        return HelidonDemo.start(args);
    }

    @Override
    protected Class<?> mainClass() {
        return HelidonDemo.class;
    }

    @Override
    protected String framework() {
        return "Helidon";
    }
}
