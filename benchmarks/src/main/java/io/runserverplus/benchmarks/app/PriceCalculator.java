package io.runserverplus.benchmarks.app;

/** Prices an order line by line through the discount rules. */
final class PriceCalculator {

    long total(Order order) {
        DiscountRules.Rule rules = DiscountRules.tree(order.ruleDepth());
        try {
            return order.lines().stream()
                    .filter(line -> line.quantity() > 0)
                    .mapToLong(line -> unitPrice(order, rules, line) * line.quantity())
                    .sum();
        } catch (NumberFormatException badPrice) {
            throw new IllegalStateException("cannot price order " + order.id() + ": a unit price is not a number",
                    badPrice);
        }
    }

    private static long unitPrice(Order order, DiscountRules.Rule rules, OrderLine line) {
        return order.streams() ? DiscountRules.evaluate(rules, line) : DiscountRules.evaluateDirect(rules, line);
    }
}
