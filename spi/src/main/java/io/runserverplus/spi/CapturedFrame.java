package io.runserverplus.spi;

import java.util.List;

/**
 * One frame an exception left, with its variables as they were then, after its {@code finally}
 * code ran (so possibly not as they were at the throw point, in the innermost frame).
 *
 * @param className the binary name, {@code com.acme.Orders$Line}
 * @param methodName {@code <init>} for a constructor, {@code lambda$main$0} for a lambda body
 * @param descriptor the JVM method descriptor, telling overloads apart
 * @param variables {@code this} (if any), then the other variables by slot
 */
public record CapturedFrame(String className, String methodName, String descriptor, List<CapturedVariable> variables) {
    public CapturedFrame {
        variables = List.copyOf(variables);
    }
}
