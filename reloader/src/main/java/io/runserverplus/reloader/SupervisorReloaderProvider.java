package io.runserverplus.reloader;

import io.runserverplus.spi.ReloaderProvider;
import io.runserverplus.spi.SupervisedApp;

/** Core's way in to the {@link Supervisor}, found through ServiceLoader. */
public final class SupervisorReloaderProvider implements ReloaderProvider {

    @Override
    public boolean isChild() {
        return Supervisor.isChild();
    }

    @Override
    public void exitWithSupervisor() {
        ParentWatch.install();
    }

    @Override
    public int supervise(SupervisedApp app) {
        SupervisorBuilder builder = Supervisor.builder()
                .mainClass(app.mainClass())
                .args(app.args())
                .jvmOptions(app.jvmOptions())
                .reloaderType(app.reloaderType())
                .watch(app.watch())
                .environment(app.environment())
                .trustedHost(app.trustedHost())
                .staticLocations(app.staticLocations())
                .hotswap(app.hotswap());
        if (app.host() == null) {
            builder.appChoosesAddress();
        } else {
            builder.host(app.host()).port(app.port());
        }
        Supervisor supervisor = builder.build();
        supervisor.run();
        return supervisor.exitStatus();
    }
}
