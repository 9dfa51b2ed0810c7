package io.runserverplus.core.console;

import io.runserverplus.spi.CapturedFrame;
import io.runserverplus.spi.ConsoleProvider;
import io.runserverplus.spi.Consoles;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Core's side of the console port: finds the {@link ConsoleProvider} (if its jar is on the class path),
 * asks it for captured locals, and starts the consoles on first need. Nothing here runs at start-up:
 * the provider lookup scans every jar, and JShell takes a few hundred milliseconds to warm.
 */
@Singleton
public class ConsoleSupport {

    /** The artifact that brings the console, named on the page when it is missing. */
    public static final String ARTIFACT = "io.runserverplus:runserverplus-console";

    private final ConsoleSettings settings;
    private volatile Optional<ConsoleProvider> provider;
    private Consoles consoles;
    private volatile Object application;
    private boolean closed;
    private final AtomicBoolean warmUpRequested = new AtomicBoolean();

    @Inject
    public ConsoleSupport(ConsoleSettings settings) {
        this.settings = settings;
    }

    /** With {@code provider} instead of the one the class path offers. */
    ConsoleSupport(ConsoleSettings settings, ConsoleProvider provider) {
        this.settings = settings;
        this.provider = Optional.of(provider);
    }

    /** With the default settings. */
    public ConsoleSupport() {
        this(ConsoleSettings.defaults());
    }

    public ConsoleSettings settings() {
        return settings;
    }

    /** The console provider found on the class path (looked up once). */
    public Optional<ConsoleProvider> provider() {
        Optional<ConsoleProvider> found = provider;
        if (found == null) {
            synchronized (this) {
                if (provider == null) {
                    provider = ServiceLoader.load(ConsoleProvider.class, ConsoleSupport.class.getClassLoader()).findFirst();
                }
                found = provider;
            }
        }
        return found;
    }

    /** Whether this JVM captures frame locals. */
    public boolean capturesLocals() {
        return provider().map(ConsoleProvider::capturesLocals).orElse(false);
    }

    /** The frames {@code t} left with their variables, innermost first; empty without the agent. */
    public List<CapturedFrame> capturedFrames(Throwable t) {
        return provider().filter(ConsoleProvider::capturesLocals).map(p -> p.capturedFrames(t)).orElse(List.of());
    }

    /** A value rendered as the console renders it; {@code String.valueOf} without a provider. */
    public String render(Object value) {
        return provider().map(p -> p.render(value)).orElseGet(() -> String.valueOf(value));
    }

    /** The JVM options a child JVM needs to capture locals (empty without a provider). */
    public List<String> childJvmOptions() {
        return provider().map(ConsoleProvider::jvmOptions).orElse(List.of());
    }

    /** The consoles, started on first use over the application's class loader; empty without a provider. */
    public synchronized Optional<Consoles> consoles() {
        if (consoles == null && !closed) {
            consoles = provider().map(p -> p.start(applicationLoader(), System.getProperty("java.class.path", ""),
                    settings.timeLimit()))
                    .orElse(null);
        }
        return Optional.ofNullable(consoles);
    }

    /** The running framework's application object, bound as {@code app} in the standalone console. */
    public Object application() {
        return application;
    }

    /** Called once the server serves: remembers the application object, bound as {@code app}. */
    public void serverStarted(Object application) {
        this.application = application;
    }

    /**
     * A console may be opened soon (a page offering one was served): prepares a JShell in the
     * background, once, so that the first console opens fast. Not at start-up: a JShell warmed in
     * the application's JVM (javac run there, its classes and compiled code kept) cost Helidon about
     * 2 % of its throughput in {@code benchmarks/run throughput}, and a second of CPU on every reload;
     * the user needs seconds to read the page and type the PIN, the warm-up under two.
     */
    public void consoleMayBeWanted() {
        if (warmUpRequested.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("runserverplus-console-warm-up").start(() -> {
                try {
                    consoles().ifPresent(Consoles::warmUp);
                } catch (RuntimeException | LinkageError broken) {
                    // The console reports its own failures when used; warming is only an optimisation.
                }
            });
        }
    }

    /** Closes every console (the server stops). */
    public synchronized void close() {
        closed = true;
        if (consoles != null) {
            consoles.close();
            consoles = null;
        }
    }

    private static ClassLoader applicationLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ClassLoader.getSystemClassLoader();
    }
}
