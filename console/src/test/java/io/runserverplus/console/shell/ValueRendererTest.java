package io.runserverplus.console.shell;

import io.runserverplus.spi.CapturedVariable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValueRendererTest {

    private final ValueRenderer renderer = new ValueRenderer();

    @Test
    void shortStringsAreQuotedAndEscaped() {
        assertThat(renderer.render("a\"b\n")).isEqualTo("\"a\\\"b\\n\"");
        assertThat(renderer.render(null)).isEqualTo("null");
        assertThat(renderer.render('x')).isEqualTo("'x'");
        assertThat(renderer.render(42)).isEqualTo("42");
    }

    @Test
    void longStringsAreCutAt70CharsSayingHowMuchWasCut() {
        String s = "x".repeat(100);
        assertThat(renderer.render(s)).isEqualTo("\"" + "x".repeat(70) + "\"... (30 more chars)");
    }

    @Test
    void aConsolesValueKeeps64KbOfTextForThePaneToFoldAndNoMore() {
        ValueRenderer console = ValueRenderer.forConsoleValue();
        assertThat(console.render("x".repeat(5000))).isEqualTo("\"" + "x".repeat(5000) + "\"");
        List<String> big = java.util.Collections.nCopies(1000, "y".repeat(1000));

        String rendered = console.render(big);

        assertThat(rendered.length()).isBetween(64 * 1024, 64 * 1024 + 1100);
        assertThat(rendered).endsWith(", ... 934 more]");
    }

    @Test
    void collectionsShowEightItemsThenHowManyMore() {
        List<Integer> list = IntStream.range(0, 12).boxed().toList();
        assertThat(renderer.render(list)).isEqualTo("[0, 1, 2, 3, 4, 5, 6, 7, ... 4 more]");
        assertThat(renderer.render(List.of(1, 2))).isEqualTo("[1, 2]");
    }

    @Test
    void mapsShowFourPairs() {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            map.put("k" + i, i);
        }
        assertThat(renderer.render(map)).isEqualTo("{\"k0\"=0, \"k1\"=1, \"k2\"=2, \"k3\"=3, ... 2 more}");
    }

    @Test
    void arraysAreRenderedLikeCollections() {
        assertThat(renderer.render(new int[] {1, 2, 3})).isEqualTo("[1, 2, 3]");
        assertThat(renderer.render(new String[10])).isEqualTo("[null, null, null, null, null, null, null, null, ... 2 more]");
    }

    @Test
    void recursionIsShownAsEllipsis() {
        List<Object> self = new ArrayList<>();
        self.add(1);
        self.add(self);
        assertThat(renderer.render(self)).isEqualTo("[1, [...]]");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("me", map);
        assertThat(renderer.render(map)).isEqualTo("{\"me\"=[...]}");
    }

    @Test
    void aFailingToStringIsShownWithItsException() {
        Object broken = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("nope");
            }
        };
        assertThat(renderer.render(broken)).isEqualTo("<broken toString (java.lang.IllegalStateException: nope)>");
        assertThat(renderer.render(List.of(broken))).isEqualTo("[<broken toString (java.lang.IllegalStateException: nope)>]");
    }

    @Test
    void fieldsListInstanceFieldsSkippingStaticsAndMarkInaccessibleOnes() {
        String text = renderer.fields(new Point(3, "p"));
        assertThat(text).contains("x     int               3").contains("name  java.lang.String  \"p\"")
                .doesNotContain("ORIGIN");
        assertThat(renderer.fields(new StringBuilder("sb"))).contains("<inaccessible>");
    }

    @Test
    void tableListsNameTypeAndValue() {
        String table = renderer.table(List.of(new CapturedVariable("names", "java.util.List<java.lang.String>", List.of("a")),
                new CapturedVariable("n", null, 7)));
        assertThat(table).isEqualTo("names  java.util.List<java.lang.String>  [\"a\"]\n"
                + "n      java.lang.Integer                 7\n");
    }

    static final class Point {
        static final Point ORIGIN = new Point(0, "o");
        final int x;
        final String name;

        Point(int x, String name) {
            this.x = x;
            this.name = name;
        }
    }
}
