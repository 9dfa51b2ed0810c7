/** RunServerPlus console: frame-locals capture (a -javaagent) and the JShell engine. */
module io.runserverplus.console {
    requires transitive io.runserverplus.spi;
    requires java.instrument;
    requires jdk.jshell;
    requires org.objectweb.asm;

    // Each package is exported once it has its first public type.
    exports io.runserverplus.console.shell;
}
