package io.runserverplus.console.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.console.agent.testfixture.Shapes;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** What instrumenting does to a method: handlers only where needed, and small. */
class InstrumentedShapeTest {
    static ClassNode original;
    static ClassNode instrumented;

    @BeforeAll
    static void instrument() throws IOException {
        byte[] bytes;
        try (InputStream in = Shapes.class.getResourceAsStream("Shapes.class")) {
            bytes = in.readAllBytes();
        }
        original = node(bytes);
        instrumented = node(ClassInstrumenter.instrument(bytes, message -> { }));
    }

    @Test
    void methodsInWhichNothingCanThrowAreLeftAsTheyAre() {
        for (String name : List.of("count", "twice")) {
            for (MethodNode method : methods(instrumented, name)) {
                assertThat(method.tryCatchBlocks).as(name + method.desc).isEmpty();
                assertThat(method.instructions.size()).isEqualTo(method(original, name, method.desc).instructions.size());
            }
        }
    }

    @Test
    void oneHandlerPerDistinctSetOfVariablesPlusOneGuard() {
        // Our entries: one range per handler here, and one guard entry per handler.
        assertThat(method(instrumented, "rule", "(JI)J").tryCatchBlocks).hasSize(2);
        assertThat(method(instrumented, "other", "(JI)J").tryCatchBlocks).hasSize(2);
        assertThat(method(instrumented, "price", "(II)J").tryCatchBlocks).hasSize(4);
        assertThat(method(instrumented, "nextCount", "()I").tryCatchBlocks).hasSize(2);
    }

    @Test
    void handlersShareOneHelperPerListOfVariableTypes() {
        assertThat(instrumented.methods.stream().map(m -> m.name).filter(n -> n.startsWith(RecordHelpers.PREFIX)))
                .containsExactlyInAnyOrder("rsp$locals$JIJ", "rsp$locals$II", "rsp$locals$IIJ", "rsp$locals$L",
                        "rsp$locals$"); // <clinit>: new long[] may throw, no variable is visible
    }

    @Test
    void aClassInstrumentedAlreadyIsLeftAlone() throws IOException {
        try (InputStream in = Shapes.class.getResourceAsStream("Shapes.class")) {
            byte[] once = ClassInstrumenter.instrument(in.readAllBytes(), message -> { });
            assertThat(ClassInstrumenter.instrument(once, message -> { })).isNull();
        }
    }

    @Test
    void aRedefinitionKeepsExactlyTheHelpersTheClassHas() throws Exception {
        byte[] first = bytes(instrumented);
        Set<String> helpers = ClassInstrumenter.helperNames(first);
        // The new version lost price (two layouts) and gained a method with a layout of its own.
        ClassNode changed = node(bytes(original));
        changed.methods.removeIf(m -> m.name.equals("price"));
        ThrowingMethods.add(changed, Opcodes.ACC_STATIC, "ratio", "(D)V", 0);
        byte[] redefined = ClassInstrumenter.instrument(bytes(changed), message -> { }, helpers);
        assertThat(ClassInstrumenter.helperNames(redefined)).isEqualTo(helpers);
        // ratio's handler records without a helper; the verifier accepts it all.
        Class<?> type = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass(Shapes.class.getName(), redefined, 0, redefined.length);
            }
        }.define();
        assertThat(type.getDeclaredMethods()).isNotEmpty();
    }

    @Test
    void theTransformerRedefinesOnlyClassesItInstrumented() throws Exception {
        CaptureTransformer transformer = new CaptureTransformer(
                AgentOptions.parse("packages=io.runserverplus.console.agent.testfixture;cache=none"), null);
        ClassLoader loader = getClass().getClassLoader();
        String name = "io/runserverplus/console/agent/testfixture/Shapes";
        byte[] bytes = bytes(original);
        byte[] defined = transformer.transform(loader, name, null, null, bytes);
        byte[] redefined = transformer.transform(loader, name, Shapes.class, null, bytes);
        assertThat(ClassInstrumenter.helperNames(redefined)).isEqualTo(ClassInstrumenter.helperNames(defined)).isNotEmpty();
        assertThat(transformer.transform(loader, "io/runserverplus/console/agent/testfixture/Library", Shapes.class,
                null, bytes)).as("never defined through the agent").isNull();
    }

    private static byte[] bytes(ClassNode node) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        return writer.toByteArray();
    }

    private static ClassNode node(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.EXPAND_FRAMES);
        return node;
    }

    private static List<MethodNode> methods(ClassNode node, String name) {
        return node.methods.stream().filter(m -> m.name.equals(name)).toList();
    }

    private static MethodNode method(ClassNode node, String name, String desc) {
        return node.methods.stream().filter(m -> m.name.equals(name) && m.desc.equals(desc)).findFirst().orElseThrow();
    }
}
