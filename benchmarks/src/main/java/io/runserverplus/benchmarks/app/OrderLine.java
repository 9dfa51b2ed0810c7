package io.runserverplus.benchmarks.app;

/** One line of an order; the price is text as it came from a form, which is the bug's source. */
public record OrderLine(String sku, int quantity, String unitPrice) {
}
