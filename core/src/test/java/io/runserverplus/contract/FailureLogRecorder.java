package io.runserverplus.contract;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records every log record with a throwable that reaches java.util.logging's root logger (the
 * default backend of System.Logger, used by RunServerPlus and by Helidon), to check that each
 * failure is logged exactly once, whoever logs it.
 */
public final class FailureLogRecorder extends Handler implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public FailureLogRecorder() {
        root.addHandler(this);
    }

    /** How many records carry a throwable (or a cause of one) with exactly this message. */
    public long countFailuresWith(String exceptionMessage) {
        return records.stream().filter(record -> mentions(record.getThrown(), exceptionMessage)).count();
    }

    /**
     * Records about the failure: those carrying it, and the one-line notes of a repeat, which
     * name its message.
     */
    public List<LogRecord> recordsAbout(String exceptionMessage) {
        return records.stream().filter(record -> mentions(record.getThrown(), exceptionMessage)
                || (record.getMessage() != null && record.getMessage().contains(exceptionMessage))).toList();
    }

    /** The records as java.util.logging's console handler writes them on the terminal. */
    public static String asPrinted(List<LogRecord> records) {
        java.util.logging.Formatter formatter = new java.util.logging.SimpleFormatter();
        StringBuilder text = new StringBuilder();
        records.forEach(record -> text.append(formatter.format(record)));
        return text.toString();
    }

    private static boolean mentions(Throwable thrown, String message) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (message.equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
