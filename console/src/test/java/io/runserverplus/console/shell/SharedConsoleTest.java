package io.runserverplus.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.EvalResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Tests that share one console, since each JShell costs about a second on a loaded machine: it is
 * opened from a warmed-up spare JShell before the class's first test and closed after its last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SharedConsoleTest {

    private final String id;
    private final Throwable exception;
    private final Object request;
    protected ConsoleSessions sessions;
    protected ConsoleSession console;

    /** The console of traceback {@code id}, with {@code ex} and {@code request} bound (either may be null). */
    SharedConsoleTest(String id, Throwable exception, Object request) {
        this.id = id;
        this.exception = exception;
        this.request = request;
    }

    @BeforeAll
    void openSharedConsole() {
        sessions = new ConsoleSessions(ConsoleConfig.defaults());
        sessions.warmUp().join();
        console = sessions.open(id, exception, request);
    }

    @AfterAll
    void closeSharedConsole() {
        sessions.close();
    }

    /** Evaluates {@code code}, asserting that it went well. */
    EvalResult ok(String code) {
        EvalResult r = console.eval(code);
        assertThat(r.status()).as("%s -> %s", code, r).isEqualTo(EvalResult.Status.OK);
        return r;
    }
}
