package io.runserverplus.console.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * Runs {@code demo.capture.CaptureMain} in child JVMs, with the packaged console jar as
 * {@code -javaagent} (verifier on, as by default) and without it, and checks what was captured.
 */
class CaptureAgentIT {
    @TempDir
    static Path work;
    static Path cache;
    static ChildRun withAgent;
    static ChildRun withoutAgent;
    static ChildRun warmCache;

    @BeforeAll
    static void runChildren() throws Exception {
        Path nog = work.resolve("nog"), gen = work.resolve("gen");
        GeneratedClasses.compileWithoutDebugInfo(nog);
        GeneratedClasses.writeNearLimit(gen);
        GeneratedClasses.writeManyParameters(gen);
        // The console jar is on the class path in both runs, as in an app that uses FrameLocals.
        List<Path> classPath = List.of(Path.of("target/test-classes").toAbsolutePath(), nog, gen,
                ChildRun.agentJar().toAbsolutePath(), jarOf(io.runserverplus.spi.CapturedFrame.class), jarOf(ClassReader.class),
                jarOf(ClassNode.class));
        cache = work.resolve("cache");
        // A second agent redefines a class as a debugger's HotSwap would, in both runs.
        String redefiner = "-javaagent:" + redefinerJar(work.resolve("redefiner.jar"));
        List<String> agent = List.of(redefiner, "-javaagent:" + ChildRun.agentJar().toAbsolutePath() + "=verbose;cache=" + cache);
        withAgent = ChildRun.run(agent, classPath);
        withoutAgent = ChildRun.run(List.of(redefiner), classPath);
        warmCache = ChildRun.run(agent, classPath);
    }

    /** A jar with only a manifest naming {@code demo.capture.Redefiner}, found on the class path. */
    private static Path redefinerJar(Path jar) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "demo.capture.Redefiner");
        manifest.getMainAttributes().putValue("Can-Redefine-Classes", "true");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            return jar;
        }
    }

    private static Path jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static ChildRun.Scenario scenario(String name) {
        assertThat(withAgent.scenarios()).as(withAgent.stdout() + withAgent.stderr()).containsKey(name);
        return withAgent.scenarios().get(name);
    }

    @Test
    void agentIsActiveWithItsRecorderOnTheBootClassPath() {
        assertThat(withAgent.head()).startsWith("agent true", "recorder-loader null");
        assertThat(withoutAgent.head()).first().isEqualTo("agent false");
        assertThat(withAgent.stdout()).contains("lock free").doesNotContain("VerifyError");
    }

    @Test
    void theExitGuardRefusesAMarkedThreadAndEveryThreadItStartsButNotTheApp() {
        // The child ends with System.exit(0) on its main thread: ChildRun checks that status.
        assertThat(withAgent.head()).contains("exit-guard true marked=refused child=refused grandchild=refused "
                + "virtual=refused pool=refused");
        assertThat(withoutAgent.head()).contains("exit-guard false");
    }

    @Test
    void plainMethodLocals() {
        assertThat(scenario("plain").vars("plain")).containsExactly(
                "count : int = 3", "label : java.lang.String = items", "total : int = 6",
                "names : java.util.List<java.lang.String> = [a, b]", "missing : java.lang.Object = null");
    }

    @Test
    void staticMethodWithLongAndDoubleSlotPairs() {
        assertThat(scenario("wide").vars("wide")).containsExactly(
                "why : java.lang.String = why", "big : long = 40", "ratio : double = 3.0",
                "sum : long = 41", "half : double = 1.5", "after : int = 9");
        assertThat(scenario("slotReuse").vars("slotReuse")).containsExactly("b : int = 1", "c : int = 2");
    }

    @Test
    void instanceMethodCapturesThis() {
        assertThat(scenario("instance").vars("withdraw")).containsExactly(
                "this : demo.capture.Scenarios$Account = Account[ann]", "amount : int = 25", "left : int = -15");
    }

    @Test
    void constructorFailingAfterSuper() {
        assertThat(scenario("constructor").vars("<init>")).containsExactly(
                "this : demo.capture.Scenarios$Widget = Widget[w]", "name : java.lang.String = w",
                "size : int = 4", "area : int = 16");
    }

    @Test
    void constructorCodeBeforeSuperIsNotCovered() {
        ChildRun.Scenario early = scenario("beforeSuper");
        assertThat(early.vars("check")).containsExactly("name : java.lang.String = e");
        assertThat(early.frames()).doesNotContain("demo.capture.Scenarios$Early <init>");
    }

    @Test
    void lambdaBody() {
        ChildRun.Scenario lambda = scenario("lambda");
        String body = lambda.frames().getFirst().split(" ")[1];
        assertThat(body).startsWith("lambda$lambda$");
        assertThat(lambda.vars(body)).containsExactly(
                "prefix : java.lang.String = abc", "x : java.lang.Integer = 4", "y : int = 7");
        assertThat(names(lambda.vars("lambda"))).containsExactly("prefix", "f");
    }

    @Test
    void synchronizedBlockLeftAfterMonitorExit() {
        assertThat(names(scenario("synchronized").vars("synchronizedBlock"))).containsExactly("lock", "before");
    }

    @Test
    void tryFinallyLocalsAreThoseAfterTheFinally() {
        assertThat(scenario("tryFinally").vars("tryFinally")).containsExactly("state : int = 3");
    }

    @Test
    void switchAndLoops() {
        assertThat(scenario("switch").vars("switches")).contains(
                "mode : int = 2", "kind : java.lang.String = b", "picked : java.lang.String = beta");
        List<String> loops = scenario("loops").vars("loops");
        assertThat(names(loops)).containsExactly("words", "found", "it", "word", "i", "square");
        assertThat(loops).contains("words : java.util.List<java.lang.String> = [one, two]", "found : int = 1",
                "word : java.lang.String = two", "i : int = 5", "square : int = 25");
        assertThat(loops.get(2)).startsWith("it : java.util.Iterator<java.lang.String> = ");
    }

    @Test
    void aLocalHoldingTheExceptionIsAMarker() {
        assertThat(scenario("rethrowsOwn").vars("rethrowsOwn")).containsExactly(
                "e : java.lang.IllegalStateException = SELF", "note : java.lang.String = rethrown");
    }

    @Test
    void framesInnermostFirstOnlyThoseTheExceptionLeft() {
        ChildRun.Scenario nested = scenario("nested");
        assertThat(nested.frames().subList(0, 3)).containsExactly(
                "demo.capture.Scenarios level3", "demo.capture.Scenarios level2", "demo.capture.Scenarios level1");
        assertThat(nested.vars("level2")).containsExactly("b : int = 2", "two : int = 3");
        ChildRun.Scenario caught = scenario("caughtInside");
        assertThat(caught.frames().getFirst()).isEqualTo("demo.capture.Scenarios caughtInside");
        assertThat(caught.vars("caughtInside")).containsExactly("kept : int = 2");
    }

    @Test
    void libraryAndRunServerPlusClassesAreNotInstrumented() {
        ChildRun.Scenario library = scenario("library");
        assertThat(library.vars("level3")).containsExactly("c : int = 7");
        assertThat(library.frames()).noneMatch(f -> f.startsWith("io.runserverplus."));
        assertThat(library.frames()).hasSizeGreaterThan(1); // the lambda around Library.call
    }

    @Test
    void withoutDebugInfoThisAndParametersOnly() {
        assertThat(scenario("noDebug").vars("compute")).containsExactly(
                "this : demo.nog.NoDebug = " + firstValue("noDebug", "compute"),
                "arg0 : int = 3", "arg1 : java.lang.String = b", "arg2 : long = 7", "arg3 : double = 2.5");
    }

    @Test
    void methodTooLargeToInstrumentIsLeftUnchanged() {
        assertThat(scenario("tooLarge").frames()).doesNotContain("demo.gen.Big big");
        assertThat(scenario("largeNeighbour").vars("small")).containsExactly("arg0 : int = 6");
        assertThat(withAgent.stderr()).contains("left demo/gen/Big.big(I)V unchanged");
    }

    @Test
    void exceptionsThrownByTheJvmItself() {
        List<String> at = scenario("arrayIndex").vars("at");
        assertThat(at).hasSize(2);
        assertThat(at.getFirst()).startsWith("values : int[] = [I@");
        assertThat(at.get(1)).isEqualTo("index : int = 3");
        assertThat(scenario("division").vars("ratio")).containsExactly(
                "total : int = 50", "parts : int = 0", "whole : int = 5");
        assertThat(scenario("nullField").vars("nextCount")).containsExactly("this : demo.capture.Scenarios$Holder = Holder");
    }

    @Test
    void moreVariablesThanAHelperMayTakeAreBoxedInTheHandler() {
        List<String> many = scenario("manyVariables").vars("many");
        assertThat(many).hasSize(254);
        assertThat(many.getFirst()).isEqualTo("arg0 : int = 0");
        assertThat(many.getLast()).isEqualTo("arg253 : int = 253");
    }

    @Test
    void aClassRedefinedAsByHotSwapKeepsItsHelpersAndIsCapturedStill() {
        ChildRun.Scenario swapped = scenario("hotSwap");
        assertThat(swapped.trace()).startsWith("java.lang.IllegalStateException: swapped 6");
        assertThat(swapped.vars("fail")).containsExactly("x : int = 5", "y : int = 6");
    }

    @Test
    void stackTracesAreIdenticalWithAndWithoutTheAgent() {
        assertThat(withAgent.scenarios().keySet()).containsExactlyElementsOf(withoutAgent.scenarios().keySet());
        for (String name : withAgent.scenarios().keySet()) {
            if (name.equals("stackOverflow")) {
                continue; // how deep it overflows depends on frame sizes; the trace shows the top 1024 only
            }
            assertThat(withAgent.scenarios().get(name).trace()).as(name)
                    .isEqualTo(withoutAgent.scenarios().get(name).trace());
        }
        assertThat(withoutAgent.scenarios().values()).allMatch(s -> s.frames().isEmpty());
    }

    @Test
    void noClassFailedToTransformAndTheCacheWasFilled() throws Exception {
        List<String> problems = withAgent.stderr().lines().filter(l -> l.startsWith("runserverplus-agent"))
                .filter(l -> !l.contains("demo/gen/Big.big(I)V")).toList();
        assertThat(problems).isEmpty();
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.filter(p -> p.toString().endsWith(".class")).count()).isGreaterThanOrEqualTo(5);
        }
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("recorder-[0-9a-f]{16}\\.jar"));
        }
    }

    @Test
    void stackOverflowIsKeptAndItsCapturesBounded() {
        ChildRun.Scenario overflow = scenario("stackOverflow");
        assertThat(overflow.trace()).startsWith("java.lang.StackOverflowError");
        assertThat(overflow.frames()).hasSizeLessThanOrEqualTo(CapturedFrames.FRAMES_PER_THROWABLE);
        assertThat(withoutAgent.scenarios().get("stackOverflow").trace()).startsWith("java.lang.StackOverflowError");
    }

    @Test
    void interfaceDefaultMethodAndStaticInitializer() {
        assertThat(scenario("interfaceDefault").vars("greet")).contains(
                "who : java.lang.String = bob", "greeting : java.lang.String = hello bob");
        assertThat(scenario("staticInit").vars("<clinit>")).containsExactly("seed : int = 41");
    }

    @Test
    void aWarmDiskCacheGivesTheSameCaptures() {
        for (String name : withAgent.scenarios().keySet()) {
            assertThat(warmCache.scenarios().get(name).frames()).as(name)
                    .isEqualTo(withAgent.scenarios().get(name).frames());
        }
        assertThat(warmCache.head()).isEqualTo(withAgent.head());
    }

    private static String firstValue(String scenario, String method) {
        String line = scenario(scenario).vars(method).getFirst();
        return line.substring(line.indexOf(" = ") + 3);
    }

    private static List<String> names(List<String> vars) {
        List<String> names = new ArrayList<>();
        for (String var : vars) {
            names.add(var.substring(0, var.indexOf(' ')));
        }
        return names;
    }
}
