package demo.frames;

import io.runserverplus.spi.CapturedVariable;
import java.util.List;

/** Hands tests the fixture's objects (the classes are package-private). */
public final class Frames {
    private Frames() {
    }

    public static final String INVENTORY = "demo.frames.Inventory";

    public static Object inventory() {
        return new Inventory();
    }

    public static final String CHECKOUT = "demo.frames.Checkout";

    /** The variables of Checkout.placeOrder("alice", ["apple"]) at its second line. */
    public static List<CapturedVariable> placeOrderFrame() {
        return List.of(new CapturedVariable("this", CHECKOUT, new Checkout()),
                new CapturedVariable("customer", "java.lang.String", "alice"),
                new CapturedVariable("items", "java.util.List<java.lang.String>", List.of("apple")),
                new CapturedVariable("itemCount", "int", 1));
    }

    /** A value whose class (java.util.Collections$UnmodifiableRandomAccessList) no other package may name. */
    public static Object hiddenTypeValue() {
        return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(List.of("x", "y")));
    }

    /** The variables of a frame of Inventory.reserve("apple") at its last line. */
    public static List<CapturedVariable> reserveFrame(Object inventory) {
        return List.of(new CapturedVariable("this", INVENTORY, inventory),
                new CapturedVariable("item", "java.lang.String", "apple"),
                new CapturedVariable("onHand", "int", 12));
    }
}
