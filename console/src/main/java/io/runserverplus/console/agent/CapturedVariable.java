package io.runserverplus.console.agent;

/**
 * One variable of a captured frame.
 *
 * @param name its source name; {@code this}, or {@code arg0}, {@code arg1}... for a class compiled
 *     without {@code -g}
 * @param declaredType its declared type as written in Java, generics included when the class has
 *     them ({@code java.util.List<java.lang.String>}, {@code int[]})
 * @param value its value when the exception left the frame (primitives boxed); a live reference,
 *     or {@link FrameLocals#SELF} for a variable holding the exception itself
 */
public record CapturedVariable(String name, String declaredType, Object value) {}
