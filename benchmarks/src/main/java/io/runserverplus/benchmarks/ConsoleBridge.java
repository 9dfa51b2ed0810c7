package io.runserverplus.benchmarks;

import io.runserverplus.console.agent.Agent;
import io.runserverplus.console.agent.FrameLocals;
import io.runserverplus.console.shell.ConsoleConfig;
import io.runserverplus.console.shell.ConsoleSessions;
import io.runserverplus.spi.CapturedFrame;
import io.runserverplus.spi.CapturedVariable;
import io.runserverplus.spi.ConsoleScope;
import io.runserverplus.spi.EvalResult;
import io.runserverplus.spi.FrameInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The only place the benchmarks use the console module's API (capture agent and console engine), so
 * that a change of its types changes this file alone.
 */
final class ConsoleBridge {

    /** One frame the agent captured: its class, method and variables (name, declared type, value). */
    record Frame(String className, String methodName, List<Var> variables) {
    }

    /** One captured variable. */
    record Var(String name, String declaredType, Object value) {
    }

    /** What one evaluation answered: its value (or null) and error (or null). */
    record Answer(String value, String error, boolean ok) {
    }

    private ConsoleBridge() {
    }

    /** The JIT options the supervisor adds with the agent (C1's inlining limits). */
    static List<String> agentJitOptions() {
        return Agent.JIT_OPTIONS;
    }

    /** Whether the capture agent runs in this JVM. */
    static boolean agentActive() {
        return FrameLocals.agentActive();
    }

    /** The frames {@code t} left, innermost first, as the agent captured them (empty without the agent). */
    static List<Frame> capturedFrames(Throwable t) {
        List<Frame> frames = new ArrayList<>();
        for (CapturedFrame frame : FrameLocals.of(t)) {
            List<Var> vars = new ArrayList<>();
            for (CapturedVariable v : frame.variables()) {
                vars.add(new Var(v.name(), v.declaredType(), v.value()));
            }
            frames.add(new Frame(frame.className(), frame.methodName(), vars));
        }
        return frames;
    }

    /** The consoles of one JVM, as the debugger would hold them: {@link ConsoleSessions} with default settings. */
    static final class Consoles implements AutoCloseable {
        private final ConsoleSessions sessions = new ConsoleSessions(ConsoleConfig.defaults()
                .withTimeLimit(Duration.ofSeconds(30)));

        /** Makes the spare JShell in the background and waits until it is ready. */
        void warmUp() {
            sessions.warmUp().join();
        }

        /** The console of traceback {@code id} for {@code exception} (opened by its first evaluation). */
        Console open(String id, Throwable exception) {
            return new Console(sessions, id, exception);
        }

        @Override
        public void close() {
            sessions.close();
        }
    }

    /** One console, driven as the debugger drives it: {@code Consoles.eval(id, scope, code)}. */
    static final class Console {
        private final ConsoleSessions sessions;
        private final String id;
        private final Throwable exception;
        private ConsoleScope scope;

        private Console(ConsoleSessions sessions, String id, Throwable exception) {
            this.sessions = sessions;
            this.id = id;
            this.exception = exception;
            this.scope = new ConsoleScope(exception, null, null, List.of());
        }

        /**
         * Binds the frame of {@code exception}'s stack trace that {@code frame} was captured from
         * ({@code this} becomes {@code self}).
         */
        void bind(Frame frame) {
            StackTraceElement[] trace = exception.getStackTrace();
            int index = 0;
            while (index < trace.length && !(trace[index].getClassName().equals(frame.className())
                    && trace[index].getMethodName().equals(frame.methodName()))) {
                index++;
            }
            FrameInfo info = index < trace.length ? FrameInfo.of(index, trace[index])
                    : new FrameInfo(-1, frame.className(), frame.methodName(), null, -1);
            List<CapturedVariable> variables = new ArrayList<>();
            for (Var v : frame.variables()) {
                variables.add(new CapturedVariable(v.name(), v.declaredType(), v.value()));
            }
            scope = new ConsoleScope(exception, null, info, variables);
        }

        Answer eval(String code) {
            EvalResult result = sessions.eval(id, scope, code);
            return new Answer(result.value(), result.error(), result.status() == EvalResult.Status.OK);
        }

        /** The completions of {@code code} at its end. */
        List<String> complete(String code) {
            return sessions.complete(id, scope, code, code.length()).candidates();
        }
    }
}
