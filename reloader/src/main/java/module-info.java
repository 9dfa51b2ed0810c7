/** RunServerPlus reloader: change detectors and the supervisor that restarts the app. JDK only. */
module io.runserverplus.reloader {
    requires transitive io.runserverplus.spi;
    // The failure page shown while the app cannot start.
    requires jdk.httpserver;
    // The parent's -D options, forwarded to the child.
    requires java.management;
    // Whether this JVM can write class lists, for the standby child; without it there is none.
    requires static jdk.management;
    // Compiling changed sources (javax.tools, and javac's task API for the classes' signatures);
    // without a compiler (a JRE) sources are not compiled.
    requires java.compiler;
    requires static jdk.compiler;

    exports io.runserverplus.reloader;

    uses io.runserverplus.spi.ChangeDetectorProvider;
    uses io.runserverplus.spi.StandbyWarmUp;
    provides io.runserverplus.spi.ReloaderProvider with io.runserverplus.reloader.SupervisorReloaderProvider;
    provides io.runserverplus.spi.ChangeDetectorProvider with
            io.runserverplus.reloader.WatchDetectorProvider,
            io.runserverplus.reloader.PollDetectorProvider;
}
