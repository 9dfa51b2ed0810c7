package io.runserverplus.benchmarks.app;

import java.util.List;

/**
 * An order with its lines, the depth of the discount rule tree that applies to it, and whether
 * the rules are walked with streams.
 */
public record Order(long id, String customer, List<OrderLine> lines, int ruleDepth, boolean streams) {

    public Order {
        lines = List.copyOf(lines);
    }
}
