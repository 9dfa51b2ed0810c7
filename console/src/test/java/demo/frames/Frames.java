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
