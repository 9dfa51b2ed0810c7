package io.runserverplus.examples.helidon;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Fails with a cause chain (three deep) and a suppressed exception from cleanup, for /chain. */
final class ReportJob {

    String run(String quarter) {
        try (ReportFile file = new ReportFile(quarter)) {
            return file.render();
        } catch (IOException failed) {
            throw new IllegalStateException("Report for " + quarter + " could not be produced", failed);
        }
    }

    /** A resource whose close() also fails, so its exception is suppressed by the main one. */
    static final class ReportFile implements AutoCloseable {
        private final String quarter;

        ReportFile(String quarter) {
            this.quarter = quarter;
        }

        String render() throws IOException {
            try {
                return loadFigures();
            } catch (UncheckedIOException unreadable) {
                throw new IOException("figures for " + quarter + " are unreadable", unreadable);
            }
        }

        private String loadFigures() {
            throw new UncheckedIOException(new IOException("disk quota exceeded while reading figures-" + quarter + ".csv"));
        }

        @Override
        public void close() throws IOException {
            throw new IOException("could not release the lock on report-" + quarter + ".lock");
        }
    }
}
