/** RunServerPlus console: frame-locals capture (a -javaagent) and the JShell engine. */
module io.runserverplus.console {
    requires transitive io.runserverplus.spi;
    requires java.instrument;
    requires jdk.jshell;
    requires jdk.compiler;
    requires org.objectweb.asm;
    requires org.objectweb.asm.tree;

    // Code outside this module calls two packages only: snippets (JShell's, and a frame console's
    // inputs compiled beside the frame's class) call ConsoleHelpers and ConsoleBindings, and the
    // application's instrumented classes call the capture agent's CapturedFrames. The engines
    // (shell, frame) are reached through ConsoleProvider alone.
    exports io.runserverplus.console.snippet;
    exports io.runserverplus.console.agent;

    provides io.runserverplus.spi.ConsoleProvider with io.runserverplus.console.JShellConsoleProvider;
    provides io.runserverplus.spi.StandbyWarmUp with io.runserverplus.console.agent.InstrumenterWarmUp;
}
