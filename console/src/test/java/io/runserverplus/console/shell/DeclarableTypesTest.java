package io.runserverplus.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclarableTypesTest {

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void publicDeclaredTypesKeepTheirGenerics() {
        assertThat(DeclarableTypes.declarable("java.util.List<java.lang.String>", new ArrayList<>(), loader))
                .isEqualTo("java.util.List<java.lang.String>");
        assertThat(DeclarableTypes.declarable("java.util.Map<String, java.util.List<Integer>>", new java.util.HashMap<>(), loader))
                .isEqualTo("java.util.Map<String, java.util.List<Integer>>");
    }

    @Test
    void nonPublicTypesAreBoundThroughTheirNearestPublicSupertype() {
        assertThat(DeclarableTypes.declarable(Probe.Hidden.class.getName(), new Probe.Hidden(), loader))
                .isEqualTo("io.runserverplus.console.shell.Probe.Base");
        // JDK internal class: List.of(...) is a non-public ImmutableCollections.ListN
        assertThat(DeclarableTypes.declarable(null, List.of(1, 2, 3), loader)).isEqualTo("java.util.List");
    }

    @Test
    void unknownTypesFallBackToTheValueOrObject() {
        assertThat(DeclarableTypes.declarable("T", "text", loader)).isEqualTo("java.lang.String");
        assertThat(DeclarableTypes.declarable("T", null, loader)).isEqualTo("java.lang.Object");
        assertThat(DeclarableTypes.declarable("java.util.List<T>", new ArrayList<>(), loader)).isEqualTo("java.util.List");
    }

    @Test
    void primitivesAndArrays() {
        assertThat(DeclarableTypes.declarable("int", 3, loader)).isEqualTo("int");
        assertThat(DeclarableTypes.declarable("int[]", new int[1], loader)).isEqualTo("int[]");
        assertThat(DeclarableTypes.declarable("java.lang.String[]", new String[1], loader)).isEqualTo("java.lang.String[]");
        assertThat(DeclarableTypes.declarable("io.runserverplus.console.shell.Probe$Hidden[]", new Probe.Hidden[1], loader))
                .isEqualTo("io.runserverplus.console.shell.Probe.Base[]");
    }
}
