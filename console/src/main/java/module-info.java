/** RunServerPlus console: frame-locals capture (a -javaagent) and the JShell engine. */
module io.runserverplus.console {
    requires transitive io.runserverplus.spi;
    requires java.instrument;
    requires jdk.jshell;
    requires jdk.compiler;
    requires org.objectweb.asm;
    requires org.objectweb.asm.tree;

    exports io.runserverplus.console;
    exports io.runserverplus.console.agent;
    exports io.runserverplus.console.shell;
    exports io.runserverplus.console.frame;

    provides io.runserverplus.spi.ConsoleProvider with io.runserverplus.console.JShellConsoleProvider;
}
