package io.runserverplus.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class JvmTypesTest {

    @Test
    void descriptorsAndSignaturesBecomeSourceForm() {
        assertThat(JvmTypes.sourceForm("I")).isEqualTo("int");
        assertThat(JvmTypes.sourceForm("[[J")).isEqualTo("long[][]");
        assertThat(JvmTypes.sourceForm("Ljava/lang/String;")).isEqualTo("java.lang.String");
        assertThat(JvmTypes.sourceForm("Ljava/util/Map<Ljava/lang/String;Ljava/util/List<+Ljava/lang/Number;>;>;"))
                .isEqualTo("java.util.Map<java.lang.String, java.util.List<? extends java.lang.Number>>");
        assertThat(JvmTypes.sourceForm("Ljava/util/List<*>;")).isEqualTo("java.util.List<?>");
        assertThat(JvmTypes.sourceForm("TT;")).isEqualTo("T");
        assertThat(JvmTypes.sourceForm("[Lcom/acme/Outer$Inner;")).isEqualTo("com.acme.Outer.Inner[]");
    }

    @Test
    void sourceFormIsLeftAlone() {
        assertThat(JvmTypes.sourceForm("java.util.List<java.lang.String>")).isEqualTo("java.util.List<java.lang.String>");
        assertThat(JvmTypes.sourceForm("Long")).isEqualTo("Long");
        assertThat(JvmTypes.sourceForm("int")).isEqualTo("int");
    }

    @Test
    void theBinderAcceptsSignatures() {
        assertThat(DeclarableTypes.declarable("Ljava/util/List<Ljava/lang/String;>;", new ArrayList<>(),
                getClass().getClassLoader())).isEqualTo("java.util.List<java.lang.String>");
    }
}
