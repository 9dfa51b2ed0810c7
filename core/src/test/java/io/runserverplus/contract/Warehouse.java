package io.runserverplus.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Package-private application code whose frames the console must reach as the frames' own code
 * does: private, inherited, static and generic fields, a nested and an inner class, a lambda, a
 * constructor, a record and an enum. Each route fails in one of them (see {@link ContractRoutes}).
 */
final class Warehouse extends Depot {

    /** The instance the routes share, so a change made in a console is seen by the next request. */
    static final Warehouse SHARED = new Warehouse();
    static int opened = 1;

    private final Map<String, List<Integer>> bins = new HashMap<>(Map.of("a", new ArrayList<>(List.of(10, 20))));
    private int count = 5;

    Warehouse() {
    }

    Warehouse(int seed) {
        int doubled = seed * 2;
        this.count = doubled;
        throw new IllegalStateException("constructor frame, seed " + seed);
    }

    private static String motto() {
        return "ship it";
    }

    String pick(String bin) {
        int wanted = 3;
        List<Integer> found = bins.get(bin);
        throw new IllegalStateException("cannot pick " + wanted + " from " + bin + " " + found);
    }

    String viaLambda(String bin) {
        Supplier<String> task = () -> {
            int inLambda = 7;
            throw new IllegalStateException("lambda frame " + bin + inLambda);
        };
        return task.get();
    }

    /** What a later request sees of the shared instance. */
    String state() {
        return "count=" + count + " bins=" + bins;
    }

    /** A private nested class: its simple name works in the console. */
    private static final class Crate {
        private final int weight;

        Crate(int weight) {
            this.weight = weight;
        }
    }

    /** An inner class that uses its enclosing instance (else javac leaves out the field that holds it). */
    final class Picker {
        private final String name = "picker-1";

        String run() {
            int step = bins.isEmpty() ? 1 : 2;
            throw new IllegalStateException("inner frame " + name + step);
        }
    }

    record Slot(String bin, int level) {
        String label() {
            String prefix = "slot-";
            throw new IllegalStateException(prefix + bin + level);
        }
    }

    enum Kind {
        FRESH, FROZEN;

        int shelfLife() {
            int days = ordinal() * 30;
            throw new IllegalStateException("enum frame " + days);
        }
    }
}

/** A superclass in the same package: its fields are inherited. */
abstract class Depot {
    protected String city = "Lyon";
    int docks = 4;
}
