package io.runserverplus.benchmarks.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The "web" entry point: a form post turned into an {@link Order} and handed to the service, run
 * on a worker thread of a pool the way a server runs a request. {@link #failingRequest} returns
 * what such a request throws: {@link OrderFailedException} caused by {@link IllegalStateException}
 * caused by {@link NumberFormatException}.
 */
public final class OrderController {

    private final OrderService service = new OrderService();

    String post(Map<String, String> form) {
        Order order = new Order(Long.parseLong(form.get("id")), form.get("customer"), List.of(
                new OrderLine("SKU-1", 3, "4.99"),
                new OrderLine(form.get("sku"), Integer.parseInt(form.get("quantity")), form.get("price"))),
                Integer.parseInt(form.get("depth")), "streams".equals(form.get("engine")));
        return "total: " + service.placeOrder(order);
    }

    /**
     * Runs one failing request on a pool thread and returns its failure.
     *
     * @param ruleDepth levels of the discount rule tree
     * @param streams   walk the rules with streams (ten frames a level, eight of them the JDK's)
     *                  rather than plain recursion (two frames a level, both ours)
     */
    public static Throwable failingRequest(int ruleDepth, boolean streams) {
        Map<String, String> form = Map.of("id", "42", "customer", "ACME GmbH", "sku", "SKU-7",
                "quantity", "2", "price", "12,50", "depth", Integer.toString(ruleDepth),
                "engine", streams ? "streams" : "direct");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Callable<String> request = () -> new OrderController().post(form);
            pool.submit(request).get();
            throw new AssertionError("the request was expected to fail");
        } catch (ExecutionException failed) {
            return failed.getCause();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } finally {
            pool.shutdownNow();
        }
    }
}
