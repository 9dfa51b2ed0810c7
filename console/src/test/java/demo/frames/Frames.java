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

    /** The variables of a frame of Inventory.reserve("apple") at its last line. */
    public static List<CapturedVariable> reserveFrame(Object inventory) {
        return List.of(new CapturedVariable("this", INVENTORY, inventory),
                new CapturedVariable("item", "java.lang.String", "apple"),
                new CapturedVariable("onHand", "int", 12));
    }
}
