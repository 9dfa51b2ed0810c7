package io.runserverplus.benchmarks;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.LocalConnector;

/**
 * What recording app-handled failures costs a request that does not fail. Of the adapters, only
 * Javalin's adds work to such a request: an after-handler that looks for the exception an endpoint
 * left (Helidon's and Jetty's wrap the app's error handlers, which only failing requests reach).
 * Two Javalin servers in this JVM, requests through Jetty's in-memory {@link LocalConnector} (no
 * sockets): {@code without} has the adapter's handler wrapper as it was before; {@code with} adds
 * what {@code JavalinServerAdapter} adds for the recording (the wrapper's catch and the
 * after-handler, the same code). Rounds alternate the two and their order; the figure is the
 * median over rounds of the difference in CPU time per request of the one thread that serves
 * them ({@link OneThread}), which other processes on a shared machine disturb much less than wall
 * time. Target: at most 1 µs more.
 */
final class AppHandledHookBenchmark implements AutoCloseable {

    static final String REQUEST = "GET /ok HTTP/1.1\r\nHost: localhost\r\n\r\n";
    private static final String FAILURE = "benchmark.failure";

    /** Per-request CPU time of each variant in one round, in microseconds. */
    record Round(double without, double with) {
        double added() {
            return with - without;
        }
    }

    private final Server without = new Server(false);
    private final Server with = new Server(true);
    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    List<Round> run(int rounds, int requests) throws Exception {
        for (int i = 0; i < 5; i++) { // warm both up: JIT, Jetty's pools
            cpuPerRequest(without, requests);
            cpuPerRequest(with, requests);
        }
        List<Round> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                double a = cpuPerRequest(without, requests);
                results.add(new Round(a, cpuPerRequest(with, requests)));
            } else {
                double b = cpuPerRequest(with, requests);
                results.add(new Round(cpuPerRequest(without, requests), b));
            }
        }
        return results;
    }

    private double cpuPerRequest(Server server, int requests) throws Exception {
        long acceptor = server.pool.acceptor.threadId();
        long start = threads.getThreadCpuTime(acceptor);
        for (int i = 0; i < requests; i++) {
            server.request();
        }
        return (threads.getThreadCpuTime(acceptor) - start) / 1_000.0 / requests;
    }

    @Override
    public void close() {
        without.javalin.stop();
        with.javalin.stop();
    }

    /**
     * Runs the in-memory connector's acceptor on a thread of its own and every other task on the
     * thread that hands it over: so each request is served, start to end, on that one acceptor
     * thread, whose CPU time then counts exactly the request's work (a pool's hand-overs, parking
     * and spinning threads would bury a microsecond in noise).
     */
    private static final class OneThread implements org.eclipse.jetty.util.thread.ThreadPool {
        volatile Thread acceptor;

        @Override
        public void execute(Runnable task) {
            if (acceptor == null && task.getClass().getName().contains("Acceptor")) {
                acceptor = Thread.ofPlatform().daemon().name("benchmark-acceptor").start(task);
            } else {
                task.run();
            }
        }

        @Override
        public void join() {
        }

        @Override
        public int getThreads() {
            return 1;
        }

        @Override
        public int getIdleThreads() {
            return 0;
        }

        @Override
        public boolean isLowOnThreads() {
            return false;
        }
    }

    private static final class Server {
        final OneThread pool = new OneThread();
        final Javalin javalin;
        LocalConnector local;

        Server(boolean hook) {
            javalin = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.startupWatcherEnabled = false;
                config.jetty.threadPool = pool;
                config.jetty.addConnector((server, http) -> local = new LocalConnector(server));
                wrapper(config, hook);
                config.routes.get("/ok", ctx -> ctx.result("ok"));
            });
            javalin.start();
        }

        void request() throws Exception {
            String answer = local.getResponse(REQUEST);
            if (answer == null || !answer.startsWith("HTTP/1.1 200") || !answer.endsWith("ok")) {
                throw new IllegalStateException("unexpected answer: " + answer);
            }
        }
    }

    /** As JavalinServerAdapter's installDebugger, before ({@code hook} false) and after #17. */
    private static void wrapper(JavalinConfig config, boolean hook) {
        if (!hook) {
            config.router.handlerWrapper(endpoint -> ctx -> {
                try {
                    endpoint.handler.handle(ctx);
                } catch (Error error) {
                    throw error;
                }
            });
            return;
        }
        config.router.handlerWrapper(endpoint -> ctx -> {
            try {
                endpoint.handler.handle(ctx);
            } catch (Error error) {
                throw error;
            } catch (Exception failure) {
                ctx.attribute(FAILURE, failure);
                throw failure;
            }
        });
        config.routes.after(AppHandledHookBenchmark::recordIfHandledByApp);
    }

    private static void recordIfHandledByApp(Context ctx) {
        if (ctx.attribute(FAILURE) instanceof Exception failure) {
            throw new IllegalStateException("no request fails in this benchmark", failure);
        }
    }
}
