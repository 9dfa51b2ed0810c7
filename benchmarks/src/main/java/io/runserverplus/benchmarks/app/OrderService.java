package io.runserverplus.benchmarks.app;

import java.util.function.Supplier;

/** Places orders inside a (pretend) transaction, as a service layer does. */
final class OrderService {

    private final PriceCalculator calculator = new PriceCalculator();

    long placeOrder(Order order) {
        try {
            return inTransaction(() -> {
                long total = calculator.total(order);
                return reserveAndCharge(order, total);
            });
        } catch (IllegalStateException failure) {
            throw new OrderFailedException("order " + order.id() + " for " + order.customer() + " failed", failure);
        }
    }

    private static <T> T inTransaction(Supplier<T> work) {
        // A real one would begin, commit or roll back here.
        return work.get();
    }

    private static long reserveAndCharge(Order order, long total) {
        return total + order.lines().size();
    }
}
