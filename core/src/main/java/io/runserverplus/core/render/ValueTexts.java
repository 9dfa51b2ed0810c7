package io.runserverplus.core.render;

import io.runserverplus.core.traceback.Frame;
import io.runserverplus.core.traceback.ThrowableInfo;
import io.runserverplus.core.traceback.Traceback;
import io.runserverplus.spi.CapturedVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * The captured values of a traceback as text, each rendered within a time budget, so that a
 * {@code toString()} that blocks or loops cannot hold the page: a value over its budget, or past the
 * page's, shows as {@code <toString() took too long (Type)>}.
 *
 * <p>The values are rendered one after another on a pooled daemon thread while the request's thread
 * waits for each in turn, so fast values cost one hand-over per page. A thread stuck in a
 * {@code toString()} is abandoned (it cannot be stopped) and the rest go on on another; a platform
 * thread, not a virtual one, since a busy loop would keep a virtual thread's carrier, which the app
 * may need.
 */
final class ValueTexts {

    static final Duration PER_VALUE = Duration.ofSeconds(1);
    static final Duration PER_PAGE = Duration.ofSeconds(3);

    private static final ExecutorService RENDERERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "runserverplus-value-renderer");
        t.setDaemon(true);
        return t;
    });

    private final Map<CapturedVariable, String> texts;

    private ValueTexts(Map<CapturedVariable, String> texts) {
        this.texts = texts;
    }

    /** The values of every frame of {@code traceback} (causes and suppressed included), rendered by {@code render}. */
    static ValueTexts of(Traceback traceback, Function<Object, String> render) {
        return of(variables(traceback.root(), new ArrayList<>()), render, PER_VALUE, PER_PAGE);
    }

    static ValueTexts of(List<CapturedVariable> variables, Function<Object, String> render, Duration perValue,
                         Duration perPage) {
        Map<CapturedVariable, String> texts = new IdentityHashMap<>();
        if (variables.isEmpty()) {
            return new ValueTexts(texts);
        }
        long pageEnd = System.nanoTime() + perPage.toNanos();
        int next = 0;
        while (next < variables.size()) {
            Batch batch = new Batch(variables, next, render);
            try {
                RENDERERS.execute(batch);
            } catch (RejectedExecutionException impossible) {
                batch.run(); // the pool never shuts down; render here rather than not at all
            }
            next = batch.collect(texts, perValue.toNanos(), pageEnd);
            if (next < variables.size()) {
                texts.put(variables.get(next), tooLong(variables.get(next).value())); // the one it is stuck on
                next++;
                if (System.nanoTime() - pageEnd >= 0) {
                    for (; next < variables.size(); next++) {
                        texts.put(variables.get(next), tooLong(variables.get(next).value()));
                    }
                }
            }
        }
        return new ValueTexts(texts);
    }

    /** The variable's value as text. */
    String text(CapturedVariable variable) {
        String text = texts.get(variable);
        return text != null ? text : tooLong(variable.value());
    }

    static String tooLong(Object value) {
        return "<toString() took too long (" + (value == null ? "null" : value.getClass().getName()) + ")>";
    }

    private static List<CapturedVariable> variables(ThrowableInfo info, List<CapturedVariable> into) {
        for (Frame frame : info.frames()) {
            frame.locals().ifPresent(locals -> into.addAll(locals.variables()));
        }
        info.cause().ifPresent(cause -> variables(cause, into));
        info.suppressed().forEach(suppressed -> variables(suppressed, into));
        return into;
    }

    /** Renders the variables from {@code first} on, in order, until done or abandoned. */
    private static final class Batch implements Runnable {
        private final List<CapturedVariable> variables;
        private final int first;
        private final Function<Object, String> render;
        private final String[] done;
        private int count;
        private boolean abandoned;

        Batch(List<CapturedVariable> variables, int first, Function<Object, String> render) {
            this.variables = variables;
            this.first = first;
            this.render = render;
            this.done = new String[variables.size() - first];
        }

        @Override
        public void run() {
            for (int i = 0; i < done.length; i++) {
                String text = safely(variables.get(first + i).value());
                synchronized (this) {
                    if (abandoned) {
                        return;
                    }
                    done[i] = text;
                    count = i + 1;
                    notifyAll();
                }
            }
        }

        private String safely(Object value) {
            try {
                return render.apply(value);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                return "<broken toString (" + e.getClass().getName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")>";
            }
        }

        /**
         * Waits for each value in turn, at most {@code perValue} each and until {@code pageEnd}; puts
         * the texts into {@code texts} and returns the index of the first value not rendered (the
         * batch is then abandoned).
         */
        synchronized int collect(Map<CapturedVariable, String> texts, long perValue, long pageEnd) {
            boolean interrupted = false;
            try {
                for (int i = 0; i < done.length; i++) {
                    long end = Math.min(System.nanoTime() + perValue, pageEnd);
                    long left;
                    while (count <= i && (left = end - System.nanoTime()) > 0) {
                        try {
                            wait(Math.max(1, left / 1_000_000));
                        } catch (InterruptedException e) {
                            interrupted = true; // keep the budget; tell the caller's thread afterwards
                        }
                    }
                    if (count <= i) {
                        abandoned = true;
                        return first + i;
                    }
                    texts.put(variables.get(first + i), done[i]);
                }
                return first + done.length;
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
