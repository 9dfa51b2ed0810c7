package io.runserverplus.console.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which redefinitions would leave a static constant as it was: javac's class files, before and after an edit. */
class StaticConstantsTest {

    @TempDir
    Path dir;

    private static final String GREETING = """
            package app;

            final class Greeting {
                static final String SUFFIX = "!";
                static final int TIMES = 2;
                final String instanceConstant = "set by the constructor";
                static String computed = String.valueOf(3);

                static String text() {
                    return "hello";
                }
            }
            """;

    @Test
    void aChangedStaticConstantIsSeenAndABodyOrInstanceFieldChangeIsNot() throws Exception {
        byte[] before = compile(GREETING);
        ClassLoader loader = getClass().getClassLoader();
        var constants = new StaticConstants(true);
        constants.record(loader, "app/Greeting", before);

        assertThat(StaticConstants.of(before)).containsOnly(
                org.assertj.core.api.Assertions.entry("SUFFIX Ljava/lang/String;", "!"),
                org.assertj.core.api.Assertions.entry("TIMES I", 2));
        assertThat(constants.changedBy(loader, "app/Greeting", compile(GREETING.replace("\"hello\"", "\"howdy\""))))
                .as("a method body").isFalse();
        assertThat(constants.changedBy(loader, "app/Greeting", compile(GREETING.replace("by the constructor", "anew"))))
                .as("an instance field's constant: the constructor sets it").isFalse();
        assertThat(constants.changedBy(loader, "app/Greeting", compile(GREETING.replace("valueOf(3)", "valueOf(4)"))))
                .as("a static initializer's expression").isFalse();
        assertThat(constants.changedBy(loader, "app/Greeting", compile(GREETING.replace("\"!\"", "\"?\"")))).isTrue();
        assertThat(constants.changedBy(loader, "app/Greeting", compile(GREETING.replace("TIMES = 2", "TIMES = 3"))))
                .isTrue();
        assertThat(constants.changedBy(loader, "app/Greeting", new byte[] {(byte) 0xCA, (byte) 0xFE}))
                .as("unreadable bytes are left to the JVM").isFalse();
        assertThat(constants.changedBy(loader, "app/Other", compile(GREETING.replace("\"!\"", "\"?\""))))
                .as("a class never defined").isFalse();

        var notRecording = new StaticConstants(false);
        notRecording.record(loader, "app/Greeting", before);
        assertThat(notRecording.changedBy(loader, "app/Greeting", compile(GREETING.replace("\"!\"", "\"?\""))))
                .as("without hot swap nothing is read at a class's load").isFalse();
    }

    private byte[] compile(String source) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src-" + System.nanoTime()).resolve("app"));
        Path out = Files.createDirectories(dir.resolve("out-" + System.nanoTime()));
        Files.writeString(src.resolve("Greeting.java"), source);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(),
                src.resolve("Greeting.java").toString());
        assertThat(status).as("javac").isZero();
        return Files.readAllBytes(out.resolve("app/Greeting.class"));
    }
}
