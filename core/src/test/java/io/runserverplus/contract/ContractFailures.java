package io.runserverplus.contract;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Application code of the contract app that fails in the ways the page must show well. Line
 * numbers matter to the tests: they look for the source lines below by their text.
 */
public final class ContractFailures {

    private ContractFailures() {
    }

    /** Three application frames deep: Orders.place -> Orders.price -> Stock.take. */
    public static final class Orders {
        private final Stock stock = new Stock();

        public String place(String customer, int quantity) {
            long cents = price(quantity);
            return customer + " pays " + cents;
        }

        private long price(int quantity) {
            stock.take(quantity);
            return quantity * 100L;
        }
    }

    static final class Stock {
        private int onHand = 2;

        void take(int quantity) {
            if (quantity > onHand) {
                throw new IllegalStateException("only " + onHand + " on hand, " + quantity + " wanted");
            }
            onHand -= quantity;
        }
    }

    /** Fails in a frame holding a value whose {@code toString()} takes 20 s: the page must not wait for it. */
    public static String besideASlowValue() {
        Object sleepy = new SlowToString();
        throw new IllegalStateException("failed beside a " + sleepy.getClass().getSimpleName());
    }

    /**
     * A value whose {@code toString()} blocks, as one taking a lock or calling a remote service may:
     * until the test releases it (two minutes at most), so a page that came is one that did not wait.
     */
    public static final class SlowToString {
        private static volatile java.util.concurrent.CountDownLatch returns = new java.util.concurrent.CountDownLatch(1);

        static void hold() {
            returns = new java.util.concurrent.CountDownLatch(1);
        }

        static void release() {
            returns.countDown();
        }

        @Override
        public String toString() {
            try {
                returns.await(2, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "slow";
        }
    }

    /** A three-deep cause chain whose outer exception also carries a suppressed one. */
    public static String chain() {
        try {
            readConfiguration();
            return "unreachable";
        } catch (UncheckedIOException unreadable) {
            IllegalStateException outer = new IllegalStateException("startup failed", unreadable);
            outer.addSuppressed(new IOException("cleanup failed too"));
            throw outer;
        }
    }

    private static void readConfiguration() {
        try {
            openFile();
        } catch (IOException missing) {
            throw new UncheckedIOException("configuration unreadable", missing);
        }
    }

    private static void openFile() throws IOException {
        throw new IOException("settings.toml: no such file");
    }

    /** Stands for code whose source is not available (the contract hides it from the locator). */
    public static final class Vendor {
        private Vendor() {
        }

        public static String call() {
            throw new UnsupportedOperationException("vendor code failed");
        }
    }

    /** A basket the app keeps between requests: the console changes it through a failed frame's variable. */
    public static final Basket BASKET = new Basket();

    public static final class Basket {
        private final java.util.List<String> items = new java.util.concurrent.CopyOnWriteArrayList<>();

        public void add(String item) {
            items.add(item);
        }

        @Override
        public String toString() {
            return "basket " + items;
        }
    }

    /** Always fails, with the basket as a parameter of an application frame. */
    public static String checkout(Basket basket) {
        int count = basket.items.size();
        throw new IllegalStateException("checkout is closed; " + count + " items wait in the " + basket);
    }
}
