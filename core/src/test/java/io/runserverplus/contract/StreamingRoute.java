package io.runserverplus.contract;

import java.io.OutputStream;

/** A route that writes its body itself, so it can fail after the response was committed. */
@FunctionalInterface
public interface StreamingRoute {
    void write(OutputStream body) throws Exception;
}
