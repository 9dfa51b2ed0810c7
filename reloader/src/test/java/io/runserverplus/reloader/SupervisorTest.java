package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runserverplus.spi.WatchRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupervisorTest {

    @Test
    void theChildCommandUsesThisJavaThisClassPathAndTheForwardedOptions() {
        var builder = Supervisor.builder()
                .mainClass("com.acme.Main")
                .args(List.of("8000"))
                .parentOptions(List.of("-Dapp.env=dev", "-agentlib:jdwp=x"))
                .jvmOptions(List.of("-javaagent:console.jar"))
                .classPath("classes")
                .detector(new PollDetectorProvider())
                .watch(WatchRequest.of(List.of(Path.of("classes"))));
        Supervisor supervisor = builder.build();
        builder.args(List.of("9000"));

        assertThat(supervisor.command()).containsExactly(
                ChildCommand.javaExecutable(Path.of(System.getProperty("java.home"))).toString(),
                "-Dapp.env=dev", "-XX:TieredStopAtLevel=1", "-javaagent:console.jar", "-XX:-OmitStackTraceInFastThrow", "-cp", "classes",
                "com.acme.Main", "8000");
        assertThat(supervisor.child()).isEmpty();
    }

    @Test
    void hotSwapWithoutAnAgentInTheChildSaysOnceThatChangesRestart() {
        var err = new java.io.ByteArrayOutputStream();
        Supervisor.builder().mainClass("com.acme.Main").hotswap(true).parentOptions(List.of()).jvmOptions(List.of())
                .err(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)).build();

        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(" * --hotswap is off: the app's"
                + " JVM gets no agent to redefine classes with (put io.runserverplus:runserverplus-console on its class"
                + " path); changes restart it." + System.lineSeparator());
    }

    @Test
    void misuseIsOneClearSentence() {
        assertThatThrownBy(() -> Supervisor.builder().build())
                .hasMessage("The supervisor needs the app's main class; call mainClass(...).");
        assertThatThrownBy(() -> Supervisor.builder().port(70_000))
                .hasMessage("The port must be between 0 and 65535, but was 70000.");
        assertThatThrownBy(() -> Supervisor.builder().mainClass("M").quietPeriod(Duration.ofSeconds(3)).build())
                .hasMessage("The maximum delay PT2S cannot be shorter than the quiet period PT3S.");
        assertThatThrownBy(() -> Supervisor.builder().mainClass("M").release(5).build())
                .hasMessage("The release to compile for must be 8 or later, but was 5.");
        assertThatThrownBy(() -> Supervisor.builder().reloaderType("inotify"))
                .isInstanceOf(ReloaderException.class).hasMessageStartingWith("Unknown reloader type 'inotify'");
    }

    @Test
    void aBadCompileSettingFromTheBuildToolIsOneClearSentence() {
        for (var bad : java.util.Map.of(CompileOptions.RELEASE, "twenty-one", CompileOptions.ENCODING, "klingon-8").entrySet()) {
            System.setProperty(bad.getKey(), bad.getValue());
            try {
                assertThatThrownBy(() -> Supervisor.builder().mainClass("M").build())
                        .isInstanceOf(ReloaderException.class)
                        .hasMessage(bad.getKey().equals(CompileOptions.RELEASE)
                                ? "-Drunserverplus.compile.release=twenty-one is not a Java release; give a number such as 21."
                                : "-Drunserverplus.compile.encoding=klingon-8 is not an encoding this JVM knows; give one such as UTF-8.");
            } finally {
                System.clearProperty(bad.getKey());
            }
        }
    }

    @Test
    void theSettingsAreKeptFromBuildAndTheSourceRootsFoundByTheLayout(@org.junit.jupiter.api.io.TempDir Path project)
            throws Exception {
        Path classes = java.nio.file.Files.createDirectories(project.resolve("target/classes"));
        java.nio.file.Files.createDirectories(project.resolve("src/main/java"));
        var builder = Supervisor.builder().mainClass("com.acme.Main").watch(WatchRequest.of(List.of(classes)));
        SupervisorSettings settings = builder.settings();
        builder.mainClass("com.acme.Other").compileOnChange(false);

        assertThat(settings.mainClass()).isEqualTo("com.acme.Main");
        assertThat(settings.sourceSets()).containsExactly(new SourceSet(project.resolve("src/main/java"), classes, false));
        assertThat(builder.settings().sourceSets()).isEmpty();
    }

    @Test
    void theTestJvmIsNotAChild() {
        assertThat(Supervisor.isChild()).isFalse();
        assertThat(ParentWatch.install()).isFalse();
    }
}
