package io.runserverplus.core.render;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An object's instance fields read by reflection, for the variables table's rows that expand in
 * place. A field the JVM will not let us read (a JDK class in a module that is not open) is listed
 * with the reason instead of a value.
 */
public final class ObjectFields {

    /** One field of an object: its value, or why it could not be read. */
    public record FieldValue(String name, String declaredType, Object value, String unreadable) {

        /** Whether the page offers to expand this field's own fields. */
        public boolean expandable() {
            return unreadable == null && ObjectFields.expandable(value);
        }
    }

    private ObjectFields() {
    }

    /**
     * Whether {@code value} has fields worth expanding: not {@code null}, an array, a string, a boxed
     * primitive, an enum or a class, whose rendered value already says everything.
     */
    public static boolean expandable(Object value) {
        if (value == null || value.getClass().isArray() || value instanceof CharSequence || value instanceof Number
                || value instanceof Boolean || value instanceof Character || value instanceof Enum<?>
                || value instanceof Class<?>) {
            return false;
        }
        return !fieldsOf(value.getClass()).isEmpty();
    }

    /** The instance fields of {@code value}, its class's first, then its superclasses'; a shadowed one is left out. */
    public static List<FieldValue> of(Object value) {
        List<FieldValue> values = new ArrayList<>();
        for (Field field : fieldsOf(value.getClass())) {
            values.add(read(value, field));
        }
        return values;
    }

    /** The field {@code name} of {@code value}, as {@link #of} lists it; empty when there is none. */
    public static Optional<FieldValue> field(Object value, String name) {
        if (value == null) {
            return Optional.empty();
        }
        return fieldsOf(value.getClass()).stream().filter(f -> f.getName().equals(name)).findFirst()
                .map(f -> read(value, f));
    }

    private static List<Field> fieldsOf(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && names.add(field.getName())) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static FieldValue read(Object owner, Field field) {
        String type = field.getGenericType().getTypeName();
        try {
            field.setAccessible(true);
            return new FieldValue(field.getName(), type, field.get(owner), null);
        } catch (RuntimeException | IllegalAccessException refused) { // InaccessibleObjectException, SecurityException
            String reason = refused.getMessage() == null ? refused.getClass().getSimpleName() : refused.getMessage();
            return new FieldValue(field.getName(), type, null, "cannot be read: " + reason);
        }
    }
}
