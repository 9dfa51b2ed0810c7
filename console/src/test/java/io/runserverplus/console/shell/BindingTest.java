package io.runserverplus.console.shell;

import io.runserverplus.console.snippet.ConsoleBindings;
import io.runserverplus.console.snippet.ConsoleHelpers;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.CapturedVariable;
import io.runserverplus.spi.EvalResult;
import io.runserverplus.spi.FrameInfo;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import org.junit.jupiter.api.Test;

/**
 * How bound frame variables reach snippets: declared inside the input's own snippet (one compilation),
 * or as JShell variables when they must outlive it. One JShell shared by these tests.
 */
class BindingTest extends SharedConsoleTest {

    BindingTest() {
        super("binding", new IllegalStateException("boom"), null);
    }

    private JShell shell() {
        return console.engine().shell;
    }

    private void bind(String method, CapturedVariable... vars) {
        console.bindFrame(new FrameInfo(0, "com.acme.Shop", method, "Shop.java", 7), null, List.of(vars));
    }

    @Test
    void twentyVariablesAreDeclaredInTheInputsOwnSnippetOneCompilation() {
        List<CapturedVariable> vars = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            vars.add(new CapturedVariable("v" + i, "java.util.List<java.lang.String>", new ArrayList<>(List.of("s" + i))));
            names.add("v" + i + ".get(0)");
        }
        console.bindFrame(new FrameInfo(0, "com.acme.Many", "many", null, 1), null, vars);
        long before = shell().snippets().count();

        EvalResult r = ok("String.join(\"\", " + String.join(", ", names) + ")");

        assertThat(r.value()).isEqualTo("\"s0s1s2s3s4s5s6s7s8s9s10s11s12s13s14s15s16s17s18s19\"");
        assertThat(shell().snippets().count() - before).as("snippets compiled").isEqualTo(1);
        assertThat(shell().variables().filter(v -> v.name().startsWith("v"))).as("JShell variables made").isEmpty();
        // statements and void calls too
        assertThat(ok("for (int i = 0; i < 2; i++) System.out.print(v1.get(0) + v2.get(0));").output()).isEqualTo("s1s2s1s2");
        EvalResult printed = ok("System.out.println(v3)");
        assertThat(printed.output()).isEqualTo("[s3]\n");
        assertThat(printed.value()).as("a statement has no value").isNull();
        assertThat(ok("v4.forEach(s -> System.out.print(s + \"!\"))").output()).isEqualTo("s4!");
        assertThat(shell().snippets().count() - before).as("snippets compiled").isLessThanOrEqualTo(5);
    }

    @Test
    void anAssignedVariableIsTheConsolesCopyAndPersists() {
        List<String> live = new ArrayList<>(List.of("apple"));
        bind("assign", new CapturedVariable("basket", "java.util.List<java.lang.String>", live),
                new CapturedVariable("quantity", "int", 3));

        assertThat(ok("quantity = quantity + 4").value()).isEqualTo("7");
        assertThat(ok("quantity").value()).isEqualTo("7");
        assertThat(ok("quantity++; quantity").value()).isEqualTo("8");
        assertThat(ok("basket = new ArrayList<>(List.of(\"pear\")); basket.add(\"fig\"); basket").value())
                .isEqualTo("[\"pear\", \"fig\"]");
        assertThat(ok("basket.size() * quantity").value()).isEqualTo("16");
        assertThat(live).containsExactly("apple"); // the frame's object was not touched

        bind("assign"); // another frame: the console's copies go
        bind("assign", new CapturedVariable("quantity", "int", 5));
        assertThat(ok("quantity").value()).isEqualTo("5");
    }

    @Test
    void methodsTheUserDeclaresCanUseFrameVariables() {
        bind("methods", new CapturedVariable("quantity", "int", 3), new CapturedVariable("price", "long", 250L));
        EvalResult declared = console.eval("long cost() {");
        assertThat(declared.needsMore()).isTrue();
        ok("return quantity * price; }");
        assertThat(ok("cost()").value()).isEqualTo("750");
        assertThat(ok("int twice(int x) { return 2 * x; }").value()).isNull();
        assertThat(ok("twice(quantity) + cost()").value()).isEqualTo("756");

        // on another frame with the same names, the method sees that frame's values
        bind("methods", new CapturedVariable("quantity", "int", 10), new CapturedVariable("price", "long", 1L));
        assertThat(ok("cost()").value()).isEqualTo("10");
    }

    @Test
    void variablesTheUserDeclaredStayUsable() {
        bind("vars", new CapturedVariable("quantity", "int", 3));
        assertThat(ok("var total = quantity * 10").value()).isEqualTo("total ==> 30");
        ok("String note = \"n\" + quantity;");
        bind("other", new CapturedVariable("label", "java.lang.String", "x"));
        assertThat(ok("total + note + label").value()).isEqualTo("\"30n3x\"");
        // a user variable named like a frame variable: after a bind the frame's value wins, as before
        assertThat(ok("var label = \"mine\"").value()).isEqualTo("label ==> \"mine\"");
        assertThat(ok("label").value()).isEqualTo("\"mine\"");
    }

    @Test
    void compileErrorsPointAtTheInputNotTheWrapper() {
        bind("errors", new CapturedVariable("quantity", "int", 3), new CapturedVariable("label", "java.lang.String", "x"));

        EvalResult unknown = console.eval("quantity + undefinedThing");
        assertThat(unknown.status()).isEqualTo(EvalResult.Status.ERROR);
        assertThat(unknown.error()).startsWith("error: cannot find symbol").contains("variable undefinedThing")
                .endsWith("\nquantity + undefinedThing\n" + " ".repeat("quantity + ".length()) + "^")
                .doesNotContain("switch", "yield", ConsoleBindings.class.getSimpleName());

        EvalResult deref = console.eval("label.length() + quantity.size()");
        assertThat(deref.error()).startsWith("error: int cannot be dereferenced")
                .endsWith("\nlabel.length() + quantity.size()\n" + " ".repeat("label.length() + ".length()) + "^")
                .doesNotContain("switch", "yield", ConsoleBindings.class.getSimpleName());

        EvalResult statement = console.eval("for (int k = 0; k < quantity; k++) { label.nope(); }");
        assertThat(statement.error()).startsWith("error: cannot find symbol").contains("method nope()")
                .contains("for (int k = 0; k < quantity; k++) { label.nope(); }\n" + " ".repeat(37) + "^")
                .doesNotContain(ConsoleBindings.class.getSimpleName());
    }

    @Test
    void inputsThatClashWithTheWrapperTakeTheOtherPath() {
        bind("clash", new CapturedVariable("i", "int", 7), new CapturedVariable("x", "int", 1),
                new CapturedVariable("n", "java.lang.String", "three"));
        // a loop variable and a lambda parameter named like frame variables
        assertThat(ok("for (int i = 0; i < 2; i++) System.out.print(i + n);").output()).isEqualTo("0three1three");
        assertThat(ok("List.of(1, 2).stream().map(x -> x + 1).toList()").value()).isEqualTo("[2, 3]");
        assertThat(ok("i + x").value()).isEqualTo("8");
    }

    @Test
    void valuesAndTracebacksAreAsForAnyInput() {
        bind("values", new CapturedVariable("names", "java.util.List<java.lang.String>", List.of("a", "b")),
                new CapturedVariable("label", "java.lang.String", "x1"));
        assertThat(ok("names").value()).isEqualTo("[\"a\", \"b\"]");
        assertThat(ok("label").value()).isEqualTo("\"x1\"");
        assertThat(ok("names.get(0).toUpperCase()").value()).isEqualTo("\"A\"");
        assertThat(ok("names.isEmpty()").value()).isEqualTo("false");
        EvalResult thrown = console.eval("Integer.parseInt(label)");
        assertThat(thrown.error()).startsWith("java.lang.NumberFormatException: For input string: \"x1\"")
                .contains("at console input (#");
        assertThat(ok("dump()").output()).contains("names").contains("label");
    }

    @Test
    void expressionsKeepTheirValueWithoutMakingJShellVariables() {
        bind("plain");
        long before = shell().variables().count();
        assertThat(ok("'c'").value()).isEqualTo("'c'");
        assertThat(ok("(String) null").value()).isEqualTo("null");
        assertThat(ok("List.of(1, 2).get(1) * 21").value()).isEqualTo("42");
        assertThat(ok("new StringBuilder(\"ab\").reverse()").value()).isEqualTo("\"ba\""); // a CharSequence
        assertThat(shell().variables().count()).as("no $n variables").isEqualTo(before);
        // a void call the input's form does not tell: a statement, no value
        EvalResult cleared = ok("new ArrayList<String>(List.of(\"x\")).clear()");
        assertThat(cleared.value()).isNull();
        // what is no expression on its own gets JShell's own message, on the input as typed
        assertThat(console.eval("() -> 1").error())
                .isEqualTo("error: incompatible types: java.lang.Object is not a functional interface\n() -> 1\n^");
        assertThat(console.eval("String::length").error()).contains("not a functional interface\nString::length\n^");
    }

    @Test
    void theWarmUpLeavesNothingBehind() {
        sessions.warmUp().join();
        JShell fresh = sessions.open("fresh-after-warm-up", null, null).engine().shell;
        assertThat(fresh.snippets().filter(s -> fresh.status(s).isActive()).map(Snippet::source))
                .containsExactly("import java.util.*;", "import static " + ConsoleHelpers.class.getName() + ".*;");
        assertThat(fresh.snippets().count()).as("made and dropped").isGreaterThan(WarmUp.INPUTS.size());
    }
}
