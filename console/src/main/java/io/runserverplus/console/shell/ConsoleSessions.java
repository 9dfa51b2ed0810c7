package io.runserverplus.console.shell;

import io.runserverplus.console.frame.FrameConsole;
import io.runserverplus.console.frame.FrameConsoles;
import io.runserverplus.spi.Completions;
import io.runserverplus.spi.ConsoleScope;
import io.runserverplus.spi.Consoles;
import io.runserverplus.spi.EvalResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The open consoles, one per traceback id, at most {@link ConsoleConfig#maxSessions()}: opening one
 * more closes the least recently used. Keeps one spare JShell made in the background so that opening
 * a console does not pay JShell's start-up (about 0.3-1 s) in the request; the spare has evaluated
 * {@link WarmUp#INPUTS representative inputs}, so the first evaluations find javac's code
 * loaded and compiled. The next spare is made after the opened console's first evaluation (or
 * {@link #SPARE_DELAY} after opening, if none comes), so that it does not compete with that evaluation
 * for the CPUs. An application frame's inputs go to a {@link FrameConsole} instead (compiled into
 * the frame's class); JShell serves the standalone console and frames whose class the console cannot
 * open (JDK classes). Thread-safe.
 */
public final class ConsoleSessions implements Consoles {

    /** How long after opening a console the next spare is made if the console has not evaluated anything. */
    static final Duration SPARE_DELAY = Duration.ofSeconds(3);

    private final ConsoleConfig config;
    private final Map<String, ConsoleSession> sessions = new LinkedHashMap<>(16, 0.75f, true);
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "runserverplus-console-warmup");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Engine> spare;
    private boolean closed;
    /** Consoles of application frames: compiled into the frame's class (see FrameConsole). */
    private final FrameConsoles frameConsoles;
    private boolean frameWarmUpStarted;

    public ConsoleSessions(ConsoleConfig config) {
        this.config = config;
        this.frameConsoles = new FrameConsoles(config.classLoader(), config.classPath(), config.timeLimit(),
                config.outputLimit(), config.maxSessions());
    }

    public ConsoleConfig config() {
        return config;
    }

    /**
     * Starts making the spare JShell in the background (once) and evaluates
     * {@link WarmUp#INPUTS representative inputs} in it, which loads and compiles javac's code
     * for them. The future completes when it is ready.
     */
    @Override
    public synchronized CompletableFuture<Void> warmUp() {
        if (!frameWarmUpStarted && !closed) {
            frameWarmUpStarted = true;
            background.execute(() -> {
                try {
                    frameConsoles.warmUp();
                } catch (RuntimeException | LinkageError e) {
                    // Only an optimisation: the consoles work without it.
                }
            });
        }
        if (spare == null && !closed) {
            spare = CompletableFuture.supplyAsync(() -> {
                Engine engine = new Engine(config);
                try {
                    WarmUp.run(engine, config);
                } catch (RuntimeException | LinkageError e) {
                    // Only an optimisation: the engine works without it.
                }
                return engine;
            }, background);
        }
        return spare == null ? CompletableFuture.completedFuture(null) : spare.thenApply(e -> null);
    }

    /**
     * The console of traceback {@code id}, opened if needed.
     *
     * @param exception bound as {@code ex} (may be null: the standalone console)
     * @param request bound as {@code request}: a neutral view of the failed request (may be null)
     */
    public ConsoleSession open(String id, Throwable exception, Object request) {
        CompletableFuture<Engine> ready;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            ConsoleSession existing = sessions.get(id);
            if (existing != null && !existing.isClosed()) {
                return existing;
            }
            ready = spare;
            spare = null;
        }
        Engine engine = ready != null ? ready.join() : new Engine(config);
        ConsoleSession session = new ConsoleSession(id, engine, config, exception, request);
        // The next spare: after this console's first evaluation, so that making it does not slow that
        // evaluation down (both would compile on the same CPUs); later anyway if none comes.
        session.afterFirstEvaluation(this::warmUp);
        CompletableFuture.delayedExecutor(SPARE_DELAY.toMillis(), TimeUnit.MILLISECONDS).execute(this::warmUp);
        List<ConsoleSession> evicted = new ArrayList<>();
        synchronized (this) {
            ConsoleSession raced = sessions.get(id);
            if (raced != null && !raced.isClosed()) {
                evicted.add(session); // another thread opened it meanwhile
                session = raced;
            } else {
                sessions.values().removeIf(ConsoleSession::isClosed); // e.g. closed after a stuck snippet
                sessions.put(id, session);
                var it = sessions.values().iterator();
                while (sessions.size() > config.maxSessions() && it.hasNext()) {
                    evicted.add(it.next());
                    it.remove();
                }
            }
        }
        evicted.forEach(ConsoleSession::close);
        return session;
    }

    /** Whether a spare JShell is being made or ready. */
    synchronized boolean hasSpare() {
        return spare != null;
    }

    @Override
    public EvalResult eval(String id, ConsoleScope scope, String code) {
        Optional<FrameConsole> frameConsole = frameConsoles.forFrame(id, scope);
        if (frameConsole.isPresent()) {
            return frameConsole.get().eval(code);
        }
        ConsoleSession session = open(id, scope.exception(), scope.request());
        if (!session.isBoundTo(scope.frame())) {
            session.bindFrame(scope.frame(), null, scope.variables());
        }
        return session.eval(code);
    }

    @Override
    public Completions complete(String id, ConsoleScope scope, String code, int cursor) {
        Optional<FrameConsole> frameConsole = frameConsoles.forFrame(id, scope);
        if (frameConsole.isPresent()) {
            return frameConsole.get().complete(code, cursor);
        }
        ConsoleSession session = open(id, scope.exception(), scope.request());
        if (!session.isBoundTo(scope.frame())) {
            session.bindFrame(scope.frame(), null, scope.variables());
        }
        return session.complete(code, cursor);
    }

    @Override
    public boolean stop(String id) {
        return frameConsoles.get(id).map(FrameConsole::stop).orElse(false)
                | get(id).map(ConsoleSession::stop).orElse(false);
    }

    /** The open console of traceback {@code id}, if any (marks it recently used). */
    public synchronized Optional<ConsoleSession> get(String id) {
        ConsoleSession s = sessions.get(id);
        return s == null || s.isClosed() ? Optional.empty() : Optional.of(s);
    }

    /** The ids of open consoles, least recently used first. */
    public synchronized List<String> ids() {
        return sessions.values().stream().filter(s -> !s.isClosed()).map(ConsoleSession::id).toList();
    }

    /** Closes the console of {@code id}, if open. */
    public void close(String id) {
        ConsoleSession s;
        synchronized (this) {
            s = sessions.remove(id);
        }
        if (s != null) {
            s.close();
        }
        frameConsoles.close(id);
    }

    @Override
    public void close() {
        List<ConsoleSession> all;
        CompletableFuture<Engine> pending;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(sessions.values());
            sessions.clear();
            pending = spare;
            spare = null;
        }
        all.forEach(ConsoleSession::close);
        frameConsoles.close();
        if (pending != null) {
            pending.thenAccept(Engine::close);
        }
        background.shutdown();
    }
}
