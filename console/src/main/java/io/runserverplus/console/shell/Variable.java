package io.runserverplus.console.shell;

/**
 * One captured variable of a frame.
 *
 * @param name the variable's name in the source ({@code this} is bound as {@code self})
 * @param declaredType the declared type in Java source form, e.g. {@code java.util.List<java.lang.String>},
 *     {@code int}, {@code com.acme.Outer.Inner[]} (binary names with {@code $} are accepted too, and so
 *     are JVM descriptors and signatures such as {@code Ljava/util/List<Ljava/lang/String;>;});
 *     {@code null} when unknown, then the value's runtime class is used
 * @param value the live value (not a copy)
 */
public record Variable(String name, String declaredType, Object value) {
}
