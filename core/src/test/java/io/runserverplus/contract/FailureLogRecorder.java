package io.runserverplus.contract;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what reaches the {@code runserverplus} logger (System.Logger's default backend is
 * java.util.logging), to check each failure is logged exactly once.
 */
public final class FailureLogRecorder extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("runserverplus");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public FailureLogRecorder() {
        logger.addHandler(this);
    }

    public long countMentioning(String text) {
        return records.stream().filter(record -> String.valueOf(record.getMessage()).contains(text)).count();
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
        logger.removeHandler(this);
    }
}
