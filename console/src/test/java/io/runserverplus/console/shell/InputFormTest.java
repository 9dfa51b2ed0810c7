package io.runserverplus.console.shell;

import static io.runserverplus.console.shell.InputForm.Form.DECLARATION;
import static io.runserverplus.console.shell.InputForm.Form.EXPRESSION;
import static io.runserverplus.console.shell.InputForm.Form.OTHER;
import static io.runserverplus.console.shell.InputForm.Form.STATEMENT;
import static io.runserverplus.console.shell.InputForm.Form.VOID_CALL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InputFormTest {

    private static InputForm.Form form(String unit) {
        return InputForm.of(SourceScan.mask(unit));
    }

    @Test
    void expressions() {
        for (String unit : List.of("quantity * 2", "label + \" owes \" + (a - b);", "names.get(0).toUpperCase()",
                "String.format(\"%s\", x)", "new ArrayList<>(names)", "(String) x", "-x", "x < y ? a : b",
                "a < b && c > d", "Collections.<String>emptyList()", "x instanceof String s && s.isEmpty()",
                "self.lines().stream().mapToLong(l -> l.cents()).sum()", "names.forEach(n -> System.out.println(n))",
                "System.out.println(a).b", "\"int x = 1\"", "java.util.Arrays.asList(a, b).size()")) {
            assertThat(form(unit)).as(unit).isEqualTo(EXPRESSION);
        }
    }

    @Test
    void callsKnownToReturnNothing() {
        for (String unit : List.of("System.out.println(quantity)", "System.err.print(a + \")\");", "dump()",
                "help(self)", "Thread.sleep(100);")) {
            assertThat(form(unit)).as(unit).isEqualTo(VOID_CALL);
        }
    }

    @Test
    void statementsStartingWithAKeyword() {
        for (String unit : List.of("for (int i = 0; i < 3; i++) names.add(\"n\" + i);", "if (a) { b(); }",
                "while (x) x--;", "{ int y = 2; }", "try { a(); } finally { b(); }", "throw new X();")) {
            assertThat(form(unit)).as(unit).isEqualTo(STATEMENT);
        }
    }

    @Test
    void declarationsAndOthers() {
        for (String unit : List.of("int twice = count * 2", "var names = new ArrayList<String>()",
                "List<String> xs = List.of(a)", "Map<String, List<Long>>m = null;", "String[] parts = s.split(\",\")",
                "java.util.List<String> xs;", "int twice(int x) { return 2 * x; }", "String greet() { return a; }",
                "<T> T id(T t) { return t; }", "@Deprecated int f() { return 1; }", "class A {}",
                "record P(int a) {}", "final int k = 3", "import java.time.*;", "void run() {}")) {
            assertThat(form(unit)).as(unit).isEqualTo(DECLARATION);
        }
        for (String unit : List.of("switch (x) { case 1 -> a(); default -> b(); }", "outer: for (;;) break outer;",
                "return 1;")) {
            assertThat(form(unit)).as(unit).isEqualTo(OTHER);
        }
    }

    @Test
    void theInitializerOfOneVariable() {
        assertThat(InputForm.initializer(SourceScan.mask("int twice = count * 2")))
                .isEqualTo(new InputForm.Initializer("int twice =".length(), "twice"));
        assertThat(InputForm.initializer(SourceScan.mask("final var xs = f(a, b);")))
                .isEqualTo(new InputForm.Initializer("final var xs =".length(), "xs"));
        assertThat(InputForm.initializer(SourceScan.mask("Map<String, List<Long>>m=g(\",\")")))
                .isEqualTo(new InputForm.Initializer("Map<String, List<Long>>m=".length(), "m"));
        for (String unit : List.of("int a = 1, b = 2", "var m = new HashMap<String, Long>()", "int x;", "int f() { return 1; }",
                "x = 3", "a == b", "class A {}", "int[] a = {1, 2}")) {
            assertThat(InputForm.initializer(SourceScan.mask(unit))).as(unit).isNull();
        }
    }

    @Test
    void assignmentsOfTheGivenNames() {
        List<String> names = List.of("a", "b", "c", "d");
        assertThat(InputForm.assigned(SourceScan.mask("a = 1"), names)).containsExactly("a");
        assertThat(InputForm.assigned(SourceScan.mask("x.a = 1; b += 2; c++; --d"), names)).containsExactly("b", "c", "d");
        assertThat(InputForm.assigned(SourceScan.mask("a == b || c != d || a <= b || c >= d"), names)).isEmpty();
        assertThat(InputForm.assigned(SourceScan.mask("f(\"a = 1\") // b = 2"), names)).isEmpty();
        assertThat(InputForm.assigned(SourceScan.mask("ab = 1; a[0] = 2"), names)).isEmpty();
    }

    @Test
    void theFinalSemicolonIsDroppedForAnExpression() {
        String unit = "a + 1; // note";
        assertThat(InputForm.withoutFinalSemicolon(unit, SourceScan.mask(unit))).isEqualTo("a + 1 // note");
        assertThat(InputForm.withoutFinalSemicolon("f(\";\")", SourceScan.mask("f(\";\")"))).isEqualTo("f(\";\")");
    }
}
