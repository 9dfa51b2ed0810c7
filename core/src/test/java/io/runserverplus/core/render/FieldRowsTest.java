package io.runserverplus.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rows an expanded value shows: its fields read from the live object, every text escaped. */
class FieldRowsTest {

    private static final String HOSTILE = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";

    static class Base {
        private final String shadowed = "base's";
        private final int inherited = 7;
    }

    static final class Order extends Base {
        private static final String CONSTANT = "not an instance field";
        private final String shadowed = "order's";
        private final String note = HOSTILE;
        private final Order next;
        private final List<String> lines = List.of("a");

        Order(Order next) {
            this.next = next;
        }
    }

    @Test
    void theInstanceFieldsAreListedOwnFirstThenInheritedWithoutStaticsOrShadowedOnes() {
        List<String> names = ObjectFields.of(new Order(null)).stream().map(ObjectFields.FieldValue::name).toList();

        assertThat(names).containsExactly("shadowed", "note", "next", "lines", "inherited");
        assertThat(ObjectFields.field(new Order(null), "shadowed").orElseThrow().value()).isEqualTo("order's");
    }

    @Test
    void valuesAndNamesAreEscapedAndAnObjectFieldCanBeExpandedFurther() {
        String html = FieldRows.render("this", "next", ObjectFields.of(new Order(new Order(null))), String::valueOf);

        assertThat(html).doesNotContain("<script>", "<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<tr class=\"field-row depth-2\" data-parent=\"this.next\"><td class=\"var-name\">note</td>")
                .contains("data-name=\"this\" data-path=\"next.next\"") // next is an Order: it has fields
                .doesNotContain("data-path=\"next.note\""); // a string says all in its value
    }

    @Test
    void aFieldTheJvmWillNotOpenSaysWhyInsteadOfAValue() {
        String html = FieldRows.render("items", "", ObjectFields.of(new java.util.ArrayList<>(List.of("a"))),
                String::valueOf);

        assertThat(html).contains("<td class=\"var-name\">elementData</td>", "<pre class=\"unreadable\">cannot be read: ")
                .contains("does not &#34;opens java.util&#34;");
    }

    @Test
    void nullStringsAndBoxedValuesHaveNothingToExpand() {
        assertThat(ObjectFields.expandable(null)).isFalse();
        assertThat(ObjectFields.expandable("text")).isFalse();
        assertThat(ObjectFields.expandable(42)).isFalse();
        assertThat(ObjectFields.expandable(new int[] {1})).isFalse();
        assertThat(ObjectFields.expandable(new Order(null))).isTrue();
    }
}
