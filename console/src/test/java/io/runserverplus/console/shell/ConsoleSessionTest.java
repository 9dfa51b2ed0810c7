package io.runserverplus.console.shell;

import io.runserverplus.spi.EvalResult;
import io.runserverplus.spi.FrameInfo;
import io.runserverplus.spi.CapturedVariable;
import io.runserverplus.spi.Completions;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Evaluating in a console: frame variables, incomplete input, output, errors, refusals, helpers, rendering. */
class ConsoleSessionTest extends SharedConsoleTest {

    private static final IllegalStateException FAILURE = new IllegalStateException("boom");
    private static final Object REQUEST = new Object() {
        @Override
        public String toString() {
            return "GET /orders";
        }
    };

    ConsoleSessionTest() {
        super("tb1", FAILURE, REQUEST);
    }

    @Test
    void opensReady() {
        assertThat(console.greeting()).isEqualTo("[console ready]");
    }

    @Test
    void frameVariablesAreLiveObjectsOfTheirDeclaredOrPublicTypes() {
        List<String> names = new ArrayList<>(List.of("a", "b"));
        Probe.Hidden hidden = new Probe.Hidden();
        Object self = new StringBuilder("me");
        console.bindFrame(new FrameInfo(0, "com.acme.Orders", "place", "Orders.java", 42), self, List.of(
                new CapturedVariable("names", "java.util.List<java.lang.String>", names),
                new CapturedVariable("hidden", Probe.Hidden.class.getName(), hidden),
                new CapturedVariable("count", "int", 3)));

        // generics kept: get(0) is a String without a cast
        assertThat(ok("names.get(0).toUpperCase()").value()).isEqualTo("\"A\"");
        // a non-public type bound through its public supertype
        assertThat(ok("hidden.greet()").value()).isEqualTo("\"hello from Hidden\"");
        assertThat(ok("count * 2").value()).isEqualTo("6");
        // identity: the snippet hands the very object to a class of the test class path
        ok("io.runserverplus.console.shell.Probe.record(names)");
        assertThat(Probe.recorded).isSameAs(names);
        // mutation is visible outside
        ok("names.add(\"c\"); hidden.log.add(\"from console\")");
        assertThat(names).containsExactly("a", "b", "c");
        assertThat(hidden.log).containsExactly("from console");
        // reassignment changes only the console's copy
        ok("names = new ArrayList<>(List.of(\"other\"))");
        assertThat(ok("names").value()).isEqualTo("[\"other\"]");
        assertThat(names).containsExactly("a", "b", "c");
        // specials
        assertThat(ok("ex.getMessage()").value()).isEqualTo("\"boom\"");
        assertThat(ok("request").value()).isEqualTo("GET /orders");
        assertThat(ok("frame.lineNumber()").value()).isEqualTo("42");
        assertThat(ok("self.length()").value()).isEqualTo("2");
    }

    @Test
    void completionOffersTheBoundVariablesTheirMembersAndJShellsNames() {
        console.bindFrame(new FrameInfo(3, "com.acme.Cart", "add", null, 3), null, List.of(
                new CapturedVariable("quantity", "int", 3),
                new CapturedVariable("basket", "java.util.List<java.lang.String>", new ArrayList<>(List.of("a")))));

        assertThat(console.complete("quan", 4)).isEqualTo(new Completions(0, List.of("quantity")));
        Completions members = console.complete("1 + basket.si", 13);
        assertThat(members.anchor()).isEqualTo(11);
        assertThat(members.candidates()).containsExactly("size()");
        assertThat(console.complete("Strin", 5).candidates()).contains("String", "StringBuilder");
        assertThat(console.complete("dum", 3).candidates()).contains("dump(");
        assertThat(ok("quantity + basket.size()").value()).as("completing ran nothing").isEqualTo("4");
    }

    @Test
    void stopEndsTheRunningEvaluationAsTheTimeLimitDoes() throws Exception {
        Probe.looping = new CountDownLatch(1);
        CompletableFuture<EvalResult> loop = CompletableFuture.supplyAsync(
                () -> console.eval("while (true) { io.runserverplus.console.shell.Probe.looping.countDown(); }"));
        assertThat(Probe.looping.await(30, TimeUnit.SECONDS)).as("the loop runs").isTrue();

        assertThat(sessions.stop("tb1")).isTrue();

        EvalResult stopped = loop.join();
        assertThat(stopped.status()).isEqualTo(EvalResult.Status.TIMEOUT);
        assertThat(stopped.error()).isEqualTo("Stopped on request.");
        assertThat(sessions.stop("tb1")).as("nothing runs any more").isFalse();
        assertThat(sessions.stop("never-opened")).isFalse();
        assertThat(ok("1 + 1").value()).as("the console goes on").isEqualTo("2");
    }

    @Test
    void switchingFramesRebindsAndForgetsThePreviousFramesVariables() {
        console.bindFrame(new FrameInfo(1, "A", "a", null, 1), null, List.of(new CapturedVariable("onlyInA", "java.lang.String", "x")));
        assertThat(ok("onlyInA").value()).isEqualTo("\"x\"");
        console.bindFrame(new FrameInfo(2, "B", "b", null, 2), null, List.of(new CapturedVariable("onlyInB", "java.lang.String", "y")));
        assertThat(ok("onlyInB").value()).isEqualTo("\"y\"");
        EvalResult stale = console.eval("onlyInA");
        assertThat(stale.status()).isEqualTo(EvalResult.Status.ERROR);
        assertThat(stale.error()).contains("cannot find symbol");
    }

    @Test
    void bindingTwentyVariablesLetsAnInputUseTwoOfThem() {
        List<CapturedVariable> vars = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            vars.add(new CapturedVariable("v" + i, "java.util.List<java.lang.String>", new ArrayList<>(List.of("s" + i))));
        }
        console.bindFrame(new FrameInfo(0, "C", "c", null, 1), null, vars); // warm the path once
        long start = System.nanoTime();
        console.bindFrame(new FrameInfo(0, "C", "c", null, 1), null, vars);
        long bindMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        assertThat(ok("v3.get(0) + v19.get(0)").value()).isEqualTo("\"s3s19\"");
        long useMs = (System.nanoTime() - start) / 1_000_000;
        // Printed, not asserted: how long it takes depends on the machine (benchmarks/ measures it).
        System.out.printf("[timing] bind 20 variables: %d ms; first eval using 2 of them: %d ms%n", bindMs, useMs);
    }

    @Test
    void incompleteInputAsksForMoreThenRunsTheBlock() {
        EvalResult first = console.eval("for (int i = 0; i < 3; i++) {");
        assertThat(first.needsMore()).isTrue();
        assertThat(first.nextPrompt()).isEqualTo("... ");
        assertThat(console.eval("    System.out.println(i);").needsMore()).isTrue();
        EvalResult done = console.eval("}");
        assertThat(done.status()).isEqualTo(EvalResult.Status.OK);
        assertThat(done.output()).isEqualTo("0\n1\n2\n");
        assertThat(done.value()).as("a statement has no value").isNull();
        assertThat(done.input()).contains("for (int i").contains("}");
    }

    @Test
    void anEmptyLineEndsAnIncompleteBlockShowingItsErrors() {
        assertThat(console.eval("Math.max(1,").needsMore()).isTrue();
        EvalResult r = console.eval("");
        assertThat(r.status()).isEqualTo(EvalResult.Status.ERROR);
        assertThat(r.input()).isEqualTo("Math.max(1,\n");
        assertThat(console.eval("Math.max(1,").needsMore()).isTrue();
        console.clearInput();
        assertThat(ok("3").value()).isEqualTo("3");
    }

    @Test
    void severalSnippetsInOneInputShowTheLastValue() {
        assertThat(ok("int q = 20; q + 22").value()).isEqualTo("42");
        assertThat(ok("String greeting = \"hi\";").value()).isEqualTo("greeting ==> \"hi\"");
    }

    @Test
    void outputIsThatOfThisEvaluationOnly() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(1);
        Thread noisy = new Thread(() -> {
            while (running.get()) {
                System.out.println("NOISE (another thread, expected in the build log)");
                started.countDown();
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        noisy.start();
        try {
            started.await();
            EvalResult r = ok("System.out.println(\"mine\"); Thread.sleep(200); System.err.println(\"err too\");");
            assertThat(r.output()).isEqualTo("mine\nerr too\n");
        } finally {
            running.set(false);
            noisy.join();
        }
    }

    @Test
    void exceptionsAreShownAsAShortTraceback() {
        EvalResult r = console.eval("throw new IllegalStateException(\"bad state\")");
        assertThat(r.status()).isEqualTo(EvalResult.Status.ERROR);
        assertThat(r.error()).startsWith("java.lang.IllegalStateException: bad state");
        EvalResult deep = console.eval("Integer.parseInt(\"x\")");
        assertThat(deep.error()).startsWith("java.lang.NumberFormatException: For input string: \"x\"")
                .contains("at java.base/java.lang.Integer.parseInt").contains("at console input (#");
        assertThat(deep.error().lines().filter(l -> l.startsWith("    at ")).count()).isLessThanOrEqualTo(5);
        EvalResult compile = console.eval("undefinedThing + 1");
        assertThat(compile.status()).isEqualTo(EvalResult.Status.ERROR);
        assertThat(compile.error()).contains("cannot find symbol").contains("^");
    }

    @Test
    void exitIsRefused() {
        EvalResult r = console.eval("System.exit(3)");
        assertThat(r.status()).isEqualTo(EvalResult.Status.REFUSED);
        assertThat(r.error()).contains("System.exit");
        assertThat(console.eval("Runtime.getRuntime().halt(3)").status()).isEqualTo(EvalResult.Status.REFUSED);
    }

    @Test
    void dumpListsTheFramesVariablesAndDumpObjAnObjectsFields() {
        console.bindFrame(new FrameInfo(0, "D", "d", null, 1), null, List.of(
                new CapturedVariable("names", "java.util.List<java.lang.String>", List.of("a", "b")),
                new CapturedVariable("total", "long", 12L)));
        EvalResult dump = ok("dump()");
        assertThat(dump.output()).contains("names  java.util.List<java.lang.String>  [\"a\", \"b\"]")
                .contains("total  long").contains("12");
        EvalResult fields = ok("dump(new java.awt.Point(3, 4))");
        assertThat(fields.output()).contains("x  int  3").contains("y  int  4");
        assertThat(ok("help(\"s\")").output()).contains("java.lang.String").contains("int length()");
    }

    @Test
    void valuesAreRenderedWithTheConsoleRulesButCutFarLaterForThePaneToFold() {
        assertThat(ok("\"y\".repeat(100)").value()).isEqualTo("\"" + "y".repeat(100) + "\"");
        assertThat(ok("\"y\".repeat(70_000)").value()).endsWith("\"... (4464 more chars)");
        assertThat(ok("java.util.stream.IntStream.range(0, 20).boxed().toList()").value()).endsWith(", 18, 19]");
        assertThat(ok("java.util.stream.IntStream.range(0, 2000).boxed().toList()").value()).endsWith("... 1000 more]");
    }

    @Test
    void laterEvaluationsAnswerAndTheirTimesArePrinted() {
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long start = System.nanoTime();
            ok("Math.max(" + i + ", 3)");
            ms.add((System.nanoTime() - start) / 1_000_000);
        }
        List<Long> sorted = ms.stream().sorted().toList();
        // Printed, not asserted: how long it takes depends on the machine (benchmarks/ measures it).
        System.out.printf("[timing] later evals: median %d ms (all: %s)%n", sorted.get(sorted.size() / 2), ms);
    }
}
