package demo.frames;

import java.util.List;
import java.util.Map;

/** The demo's Checkout: a private field of a package-private nested type, and another class's object. */
final class Checkout {

    private final Inventory inventory = new Inventory();
    private final Pricing pricing = new Pricing();

    String placeOrder(String customer, List<String> items) {
        int itemCount = items.size();
        long totalCents = pricing.total(items, inventory);
        return customer + " ordered " + itemCount + " items for " + totalCents + " cents";
    }

    static final class Pricing {
        private final Map<String, Long> centsPerUnit = Map.of("apple", 45L, "pear", 60L);

        long total(List<String> items, Inventory inventory) {
            long sum = 0;
            for (String item : items) {
                inventory.reserve(item);
                sum += centsPerUnit.get(item);
            }
            return sum;
        }
    }
}
