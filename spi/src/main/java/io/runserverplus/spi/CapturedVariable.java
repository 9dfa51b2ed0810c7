package io.runserverplus.spi;

/**
 * One variable of a frame: captured when an exception left it, or bound to a console.
 *
 * @param name its source name; {@code this}, or {@code arg0}, {@code arg1}... for a class compiled
 *     without {@code -g}
 * @param declaredType its declared type as written in Java, generics included when the class has
 *     them ({@code java.util.List<java.lang.String>}, {@code int[]}); binary names with {@code $}
 *     and JVM descriptors or signatures are accepted too; {@code null} when unknown (the value's
 *     runtime class is used then)
 * @param value its value when the exception left the frame (primitives boxed): a live reference, not
 *     a copy
 */
public record CapturedVariable(String name, String declaredType, Object value) {}
