package io.runserverplus.console.frame;

import static org.assertj.core.api.Assertions.assertThat;

import demo.frames.Frames;
import io.runserverplus.spi.ConsoleScope;
import io.runserverplus.spi.EvalResult;
import io.runserverplus.spi.FrameInfo;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The compile path: inputs compiled into the frame's class, with the frame's access. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrameConsoleTest {

    private FrameConsoles consoles;
    private Object inventory;
    private FrameConsole console;

    @BeforeAll
    void open() {
        consoles = new FrameConsoles(getClass().getClassLoader(), System.getProperty("java.class.path"),
                Duration.ofSeconds(30), 4096, 16, keepJavacState());
        inventory = Frames.inventory();
        console = consoles.forFrame("t", new ConsoleScope(new IllegalStateException("boom"), null,
                new FrameInfo(0, Frames.INVENTORY, "reserve", "Inventory.java", 14), Frames.reserveFrame(inventory),
                null)).orElseThrow();
    }

    @AfterAll
    void close() {
        consoles.close();
    }

    /** Whether the consoles keep javac's state between inputs, as they do with the agent (or the tests' --add-exports). */
    boolean keepJavacState() {
        return true;
    }

    private EvalResult eval(String code) {
        return console.eval(code);
    }

    @Test
    void localsParametersThisFieldsAndStatics() {
        assertThat(eval("item").value()).isEqualTo("\"apple\"");
        assertThat(eval("onHand + 1").value()).isEqualTo("13");
        assertThat(eval("stock.get(\"pear\")").value()).isEqualTo("3");
        assertThat(eval("this.stock.get(\"pear\")").value()).isEqualTo("3");
        assertThat(eval("self.stock.size()").value()).isEqualTo("2");
        assertThat(eval("count()").value()).isEqualTo("2");
        assertThat(eval("aisle + (capacity > 0)").value()).isEqualTo("\"A3true\"");
        assertThat(eval("describe() + (reservations >= 0)").value()).isEqualTo("\"inventorytrue\"");
        assertThat(eval("new Label(\"x\").text").value()).isEqualTo("\"x\"");
    }

    @Test
    void theIssuesCheckoutFrame() {
        FrameConsole checkout = consoles.forFrame("checkout", new ConsoleScope(null, null,
                new FrameInfo(0, Frames.CHECKOUT, "placeOrder", "Checkout.java", 14), Frames.placeOrderFrame(),
                null)).orElseThrow();

        assertThat(checkout.eval("pricing.total(List.of(\"apple\"), inventory)").value()).isEqualTo("45");
        assertThat(checkout.eval("new Pricing().total(items, this.inventory) + itemCount").value()).isEqualTo("46");
        assertThat(checkout.eval("inventory.reserve(\"pear\")").value()).as("reserve returns what was on hand")
                .isEqualTo("3");
        assertThat(checkout.eval("inventory.reserve(\"pear\")").value()).as("the live object changed")
                .isEqualTo("2");
    }

    @Test
    void javacsStateIsKeptBetweenInputsWhenTheJvmAllowsIt() {
        eval("onHand + 1");
        assertThat(consoles.compiler().keepsJavacState()).isEqualTo(keepJavacState());
    }

    @Test
    void framesOfOneNestAndAnotherTakeTurnsWithDeclaredTypesBetween() {
        FrameConsole inventory = open("turns-inventory", Frames.reserveFrame(Frames.inventory()));
        FrameConsole checkout = consoles.forFrame("turns-checkout", new ConsoleScope(null, null,
                new FrameInfo(0, Frames.CHECKOUT, "placeOrder", "Checkout.java", 14), Frames.placeOrderFrame(),
                null)).orElseThrow();
        for (int round = 0; round < 2; round++) {
            assertThat(inventory.eval("stock.get(\"pear\") + count()").error()).isNull();
            assertThat(checkout.eval("new Pricing().total(items, inventory) >= 0").value()).isEqualTo("true");
            assertThat(inventory.eval("class Peek" + round + " { int n(Inventory i) { return i.stock.size(); } }")
                    .error()).as("a declared type is no nestmate: the frame's private members stay private to it")
                    .contains("stock has private access");
            assertThat(inventory.eval("record Box" + round + "(int v) {}").error()).isNull();
            assertThat(inventory.eval("new Box" + round + "(count()).v()").value()).isEqualTo("2");
            assertThat(checkout.eval("nothing" + round).error()).contains("cannot find symbol");
            assertThat(checkout.eval("itemCount").error()).isNull();
        }
    }

    @Test
    void declarationsPersist() {
        assertThat(eval("int x = 2;").value()).isEqualTo("x ==> 2");
        assertThat(eval("x * onHand").value()).isEqualTo("24");
        assertThat(eval("int twice(int v) { return 2 * v + stock.size(); }").error()).isNull();
        assertThat(eval("twice(x)").value()).isEqualTo("6");
        assertThat(eval("record Point(int a, int b) {}").error()).isNull();
        assertThat(eval("new Point(1, 2).b()").value()).isEqualTo("2");
        assertThat(eval("var names = new ArrayList<>(stock.keySet())").error()).isNull();
        assertThat(eval("names.get(0).length() > 0").value()).isEqualTo("true");
    }

    @Test
    void inputsOfEveryShape() {
        FrameConsole c = open("shapes", Frames.reserveFrame(Frames.inventory()));

        assertThat(c.eval("int a = 1; int b = 2; a + b").value()).isEqualTo("3");
        assertThat(c.eval("a * 10 + b").value()).as("both declarations kept").isEqualTo("12");
        assertThat(c.eval("import java.util.concurrent.atomic.AtomicInteger;").error()).isNull();
        assertThat(c.eval("new AtomicInteger(3).incrementAndGet()").value()).isEqualTo("4");
        assertThat(c.eval("for (int i = 0; i < 3; i++) System.out.print(item.charAt(i));").output()).isEqualTo("app");
        assertThat(c.eval("stock.keySet().stream().map(k -> k.toUpperCase()).sorted().toList()").value())
                .isEqualTo("[\"APPLE\", \"PEAR\"]");
        assertThat(c.eval("var total = stock.values().stream().mapToInt(Integer::intValue).sum()").value())
                .isEqualTo("total ==> 15");
        assertThat(c.eval("total + onHand").value()).isEqualTo("27");
        assertThat(c.eval("String shout(String s) {").status()).isEqualTo(EvalResult.Status.NEEDS_MORE);
        assertThat(c.eval("return s.toUpperCase() + \"!\"; }").error()).isNull();
        assertThat(c.eval("shout(item)").value()).isEqualTo("\"APPLE!\"");
        assertThat(c.eval("enum Size { S, M }").error()).isNull();
        assertThat(c.eval("Size.M.ordinal() + Size.values().length").value()).isEqualTo("3");
        assertThat(c.eval("java.util.List.of(1).forEach(x -> { throw new IllegalArgumentException(\"in lambda\"); })")
                .error()).startsWith("java.lang.IllegalArgumentException: in lambda").contains("at console input");
        assertThat(c.eval("if (onHand > 10) { System.out.println(\"many\"); }").output()).isEqualTo("many\n");
        assertThat(c.eval("new Object() { int x = 1; }.x").error()).contains("anonymous and local classes");
    }

    @Test
    void twoConsolesOfOnePackageDeclareTypesOfTheSameName() {
        FrameConsole one = open("types-1", Frames.reserveFrame(Frames.inventory()));
        FrameConsole two = open("types-2", Frames.reserveFrame(Frames.inventory()));

        assertThat(one.eval("record Q(int v) {}").error()).isNull();
        assertThat(two.eval("record Q(String v) {}").error()).isNull();
        assertThat(one.eval("new Q(1).v() + 1").value()).isEqualTo("2");
        assertThat(two.eval("new Q(\"a\").v() + 1").value()).isEqualTo("\"a1\"");
        assertThat(one.eval("record Q(long v, long w) {}").error()).as("a redeclaration wins").isNull();
        assertThat(one.eval("new Q(1, 2).w()").value()).isEqualTo("2");
    }

    @Test
    void fieldAssignmentChangesTheLiveObject() {
        eval("this.capacity = 7");
        assertThat(eval("capacity").value()).isEqualTo("7");
        eval("capacity = 9");
        assertThat(eval("self.capacity").value()).isEqualTo("9");
    }

    @Test
    void voidCallsErrorsAndCompletion() {
        assertThat(eval("System.out.println(item)").output()).isEqualTo("apple\n");
        assertThat(eval("Integer.parseInt(\"x\")").error()).startsWith("java.lang.NumberFormatException")
                .contains("java.lang.Integer.parseInt", "at console input")
                .doesNotContain("$call", "Lambda", "$ConsoleUnit", "java.lang.invoke", "UnitClass");
        assertThat(eval("List.of(item, item)").value()).isEqualTo("[\"apple\", \"apple\"]");
        assertThat(eval("nothing + 1").error()).contains("cannot find symbol").doesNotContain("$ConsoleUnit");
        assertThat(console.complete("stock.getO", 10).candidates()).contains("getOrDefault(");
        assertThat(console.complete("on", 2).candidates()).contains("onHand");
        assertThat(console.complete("st", 2).candidates()).contains("stock");
    }

    @Test
    void helpListsWhatTheFramesCodeMayUse() {
        String own = eval("help(self)").output();
        assertThat(own).contains("java.util.Map<java.lang.String, java.lang.Integer> stock", "int count()",
                "int capacity", "java.lang.String aisle");
        String other = eval("help(\"text\")").output();
        assertThat(other).contains("int length()").doesNotContain("byte[] value", "coder");
    }

    @Test
    void aFrameLocalAssignedChangesTheConsolesCopyAndTheConsoleSaysSoOnce() {
        FrameConsole fresh = open("assign", Frames.reserveFrame(Frames.inventory()));
        EvalResult first = fresh.eval("onHand = 5");
        EvalResult second = fresh.eval("onHand = 6");

        assertThat(first.note()).contains("`onHand` changed in this console only");
        assertThat(second.note()).isNull();
        assertThat(fresh.eval("onHand + 1").value()).isEqualTo("7");
    }

    @Test
    void aTypeTheFramesPackageCannotNameIsBoundAsItsNearestNameableSupertypeAndSaidSo() {
        FrameConsole fresh = open("hidden", java.util.List.of(new io.runserverplus.spi.CapturedVariable("names",
                "java.util.Collections$UnmodifiableRandomAccessList", Frames.hiddenTypeValue())));
        EvalResult r = fresh.eval("\"\" + names.get(1) + names.size()");

        assertThat(r.value()).isEqualTo("\"y2\"");
        assertThat(r.note()).contains("`names` is bound as java.util.List", "cannot be named from package demo.frames");
    }

    @Test
    void whatIsMissingIsSaidWhenTheFramesVariablesWereNotCaptured() {
        FrameConsole none = open("none", java.util.List.of());
        EvalResult r = none.eval("item.length()");

        assertThat(r.note()).as("said once, with the first input").contains("were not captured");
        assertThat(none.eval("1 + 1").note()).isNull();
        assertThat(r.error()).contains("cannot find symbol", "This frame's variables were not captured",
                "-javaagent").doesNotContain("location: class");
        assertThat(none.eval("dump()").output()).contains("This frame's variables were not captured");

        FrameConsole noNames = open("nonames", java.util.List.of(
                new io.runserverplus.spi.CapturedVariable("arg0", "java.lang.String", "apple")));
        assertThat(noNames.eval("item").error()).contains("compiled without -g", "arg0");
        assertThat(noNames.eval("arg0").value()).isEqualTo("\"apple\"");
    }

    @Test
    void inputsGetNoMoreAccessThanTheFramesCode() {
        assertThat(eval("\"abc\".value").error()).contains("value has private access in java.lang.String");
        assertThat(eval("new io.runserverplus.console.frame.Store()").error()).contains("not public");
        assertThat(eval("io.runserverplus.console.snippet.ConsoleBindings.VALUES").error()).contains("private access");
        assertThat(eval("io.runserverplus.console.snippet.ConsoleHelpers.SESSION.get()").error())
                .as("the console's own object").contains("private access");
    }

    @Test
    void stopEndsALoopingInput() throws Exception {
        FrameConsole looping = open("loop", Frames.reserveFrame(Frames.inventory()));
        var result = java.util.concurrent.CompletableFuture.supplyAsync(() -> looping.eval("while (true) { onHand++; }"));
        while (!looping.stop()) {
            Thread.onSpinWait(); // false until the input runs
        }
        EvalResult r = result.get(20, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(r.status()).isEqualTo(EvalResult.Status.TIMEOUT);
        assertThat(r.error()).isEqualTo("Stopped on request.");
        assertThat(looping.eval("item").value()).as("the console still works").isEqualTo("\"apple\"");
    }

    private FrameConsole open(String id, java.util.List<io.runserverplus.spi.CapturedVariable> vars) {
        return consoles.forFrame(id, new ConsoleScope(new IllegalStateException("boom"), null,
                new FrameInfo(0, Frames.INVENTORY, "reserve", "Inventory.java", 14), vars, null)).orElseThrow();
    }
}
