package demo.capture;

import io.runserverplus.console.agent.ExitGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What the exit guard does for a thread marked as a console evaluation's and for the threads it
 * starts: each tries to end the JVM and says whether it was refused. None of this code is a
 * snippet's, so only the mark can refuse. Run only where the guard is active.
 */
final class ExitProbe {

    private ExitProbe() {}

    /** {@code marked=refused child=refused ...}, run on a fresh thread that marks itself. */
    static String run() throws InterruptedException {
        AtomicReference<String> result = new AtomicReference<>();
        Thread evaluation = Thread.ofPlatform().start(() -> {
            ExitGuard.markConsoleThread();
            List<String> outcomes = new ArrayList<>();
            outcomes.add("marked=" + attempt(() -> Runtime.getRuntime().halt(9)));
            outcomes.add("child=" + inThread(Thread.ofPlatform(), () -> System.exit(9)));
            outcomes.add("grandchild=" + onThread(() -> inThread(Thread.ofPlatform(), () -> System.exit(9))));
            outcomes.add("virtual=" + inThread(Thread.ofVirtual(), () -> System.exit(9)));
            ExecutorService pool = Executors.newFixedThreadPool(1);
            try {
                outcomes.add("pool=" + pool.submit(() -> attempt(() -> System.exit(9))).get());
            } catch (Exception e) {
                outcomes.add("pool=" + e);
            } finally {
                pool.shutdown();
            }
            result.set(String.join(" ", outcomes));
        });
        evaluation.join();
        return result.get();
    }

    /** Runs {@code exit} on a thread started by {@code builder}; whether it was refused. */
    private static String inThread(Thread.Builder builder, Runnable exit) {
        AtomicReference<String> outcome = new AtomicReference<>("not run");
        try {
            builder.start(() -> outcome.set(attempt(exit))).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return outcome.get();
    }

    /** {@code what}'s answer, computed on a new platform thread started here. */
    private static String onThread(Supplier<String> what) {
        AtomicReference<String> answer = new AtomicReference<>("not run");
        try {
            Thread.ofPlatform().start(() -> answer.set(what.get())).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return answer.get();
    }

    private static String attempt(Runnable exit) {
        try {
            exit.run();
            return "ran";
        } catch (SecurityException e) {
            return ExitGuard.MESSAGE.equals(e.getMessage()) ? "refused" : "other " + e;
        } catch (RuntimeException e) {
            return e.toString();
        }
    }
}
