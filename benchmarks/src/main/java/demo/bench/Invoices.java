package demo.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The failure the console benchmark opens consoles on: {@link Invoice#total} (a typical frame: {@code this}
 * and five variables) calls {@link #tax}, a frame with 20 variables, which throws. With the agent on,
 * both frames are captured with their variables.
 */
public final class Invoices {

    private Invoices() {
    }

    /** One invoice line. */
    public record Line(String sku, int quantity, long cents) {
    }

    /** An invoice whose total fails: no tax rate for its region. */
    public static final class Invoice {
        private final String customer;
        private final List<Line> lines;

        public Invoice(String customer, List<Line> lines) {
            this.customer = customer;
            this.lines = List.copyOf(lines);
        }

        public String customer() {
            return customer;
        }

        public List<Line> lines() {
            return lines;
        }

        /** Always throws {@link IllegalStateException}. */
        public long total(double discount) {
            int count = lines.size();
            long subtotal = 0;
            for (Line line : lines) {
                subtotal += line.cents() * line.quantity();
            }
            String label = customer + "#" + count;
            Line first = lines.getFirst();
            return tax(this, subtotal, discount, label, first) + subtotal;
        }

        @Override
        public String toString() {
            return "Invoice[" + customer + ", " + lines.size() + " lines]";
        }
    }

    /** The exception {@link Invoice#total} throws, for a fresh three-line invoice. */
    public static IllegalStateException failure() {
        Invoice invoice = new Invoice("alice", List.of(new Line("apple", 3, 45), new Line("pear", 2, 80),
                new Line("durian", 1, 1250)));
        try {
            invoice.total(0.1);
        } catch (IllegalStateException e) {
            return e;
        }
        throw new AssertionError("total() did not throw");
    }

    /** Twenty variables: five parameters and fifteen locals, of most kinds of type. */
    static long tax(Invoice invoice, long subtotal, double discount, String label, Line first) {
        String region = "EU";
        String country = invoice.customer().length() > 3 ? "NL" : "BE";
        double rate = 0.21;
        boolean reduced = first.sku().startsWith("a");
        long cents = Math.round(subtotal * (1 - discount));
        int quantity = invoice.lines().stream().mapToInt(Line::quantity).sum();
        List<String> skus = new ArrayList<>();
        Map<String, Long> perSku = new LinkedHashMap<>();
        for (Line line : invoice.lines()) {
            skus.add(line.sku());
            perSku.put(line.sku(), line.cents() * line.quantity());
        }
        int[] codes = {31, 32, 49};
        LocalDate date = LocalDate.of(2026, 11, 24);
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        Optional<String> note = Optional.of("net 30");
        char grade = reduced ? 'R' : 'S';
        float weight = 2.5f;
        long[] history = {cents, subtotal};
        if (rate > 0) {
            throw new IllegalStateException("no tax rate for " + country + " in " + region + " on " + date
                    + " (" + label + ", " + skus + ", " + perSku + ", " + codes.length + ", " + amount + ", "
                    + note.orElse("") + ", " + grade + weight + quantity + history.length + ")");
        }
        return cents;
    }
}
