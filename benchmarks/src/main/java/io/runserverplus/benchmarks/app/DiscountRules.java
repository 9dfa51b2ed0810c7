package io.runserverplus.benchmarks.app;

import java.util.ArrayList;
import java.util.List;

/**
 * A tree of discount rules evaluated recursively, as a rule engine or an expression interpreter
 * would. Two engines: {@link #evaluate} walks the tree with streams (per level two frames of ours
 * and eight of {@code java.util.stream}); {@link #evaluateDirect} recurses with plain calls (two
 * frames of ours per level).
 */
final class DiscountRules {

    /** One rule: a percentage off the best price its sub-rules give. */
    record Rule(String name, int percentOff, List<Rule> children) {
    }

    private DiscountRules() {
    }

    /** A chain of {@code depth} nested rules, as a customer with nested group memberships has. */
    static Rule tree(int depth) {
        Rule rule = new Rule("list price", 0, List.of());
        for (int level = 1; level <= depth; level++) {
            List<Rule> children = new ArrayList<>();
            children.add(rule);
            rule = new Rule("group " + level, level % 5 == 0 ? 2 : 0, children);
        }
        return rule;
    }

    /** The price of one unit in cents after every rule in the tree, walked with streams. */
    static long evaluate(Rule rule, OrderLine line) {
        if (rule.children().isEmpty()) {
            return leafPrice(line);
        }
        long best = rule.children().stream()
                .mapToLong(child -> evaluate(child, line))
                .min()
                .orElseThrow();
        return best * (100 - rule.percentOff()) / 100;
    }

    /** The same price, walked with plain recursive calls. */
    static long evaluateDirect(Rule rule, OrderLine line) {
        if (rule.children().isEmpty()) {
            return leafPrice(line);
        }
        return applyRule(rule, line);
    }

    private static long applyRule(Rule rule, OrderLine line) {
        long best = Long.MAX_VALUE;
        for (Rule child : rule.children()) {
            best = Math.min(best, evaluateDirect(child, line));
        }
        return best * (100 - rule.percentOff()) / 100;
    }

    private static long leafPrice(OrderLine line) {
        String cents = line.unitPrice().replace(".", "");
        // "12,50" (a decimal comma from a European form) does not parse: the request fails here.
        return Integer.parseInt(cents);
    }
}
