package io.runserverplus.console;

import io.runserverplus.console.agent.Agent;
import io.runserverplus.console.agent.AgentJar;
import io.runserverplus.console.agent.FrameLocals;
import io.runserverplus.console.shell.ConsoleConfig;
import io.runserverplus.console.shell.ConsoleSessions;
import io.runserverplus.console.shell.ValueRenderer;
import io.runserverplus.spi.CapturedFrame;
import io.runserverplus.spi.ConsoleProvider;
import io.runserverplus.spi.Consoles;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** The console: locals captured by this jar's {@code -javaagent}, snippets run by JShell. */
public final class JShellConsoleProvider implements ConsoleProvider {

    private static final ValueRenderer RENDERER = new ValueRenderer();

    /**
     * The agent, and the C1 inlining limits that make up for the size it adds to methods
     * ({@link Agent#JIT_OPTIONS}). (The supervisor also gives every child {@code
     * -XX:-OmitStackTraceInFastThrow}: without it hot implicit exceptions share one preallocated
     * instance, and captures of unrelated failures would pile onto it.)
     */
    @Override
    public List<String> jvmOptions() {
        return AgentJar.locate()
                .map(jar -> Stream.concat(Stream.of("-javaagent:" + jar), Agent.JIT_OPTIONS.stream()).toList())
                .orElse(List.of());
    }

    @Override
    public boolean capturesLocals() {
        return FrameLocals.agentActive();
    }

    @Override
    public List<CapturedFrame> capturedFrames(Throwable t) {
        return FrameLocals.of(t);
    }

    @Override
    public String render(Object value) {
        return RENDERER.render(value);
    }

    @Override
    public Consoles start(ClassLoader applicationLoader, String classPath, Duration timeLimit) {
        return new ConsoleSessions(ConsoleConfig.defaults().withClassLoader(applicationLoader).withClassPath(classPath)
                .withTimeLimit(timeLimit));
    }
}
