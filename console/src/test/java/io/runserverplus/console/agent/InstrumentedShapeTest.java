package io.runserverplus.console.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.console.agent.testfixture.Shapes;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
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

    private static ClassNode node(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node;
    }

    private static List<MethodNode> methods(ClassNode node, String name) {
        return node.methods.stream().filter(m -> m.name.equals(name)).toList();
    }

    private static MethodNode method(ClassNode node, String name, String desc) {
        return node.methods.stream().filter(m -> m.name.equals(name) && m.desc.equals(desc)).findFirst().orElseThrow();
    }
}
