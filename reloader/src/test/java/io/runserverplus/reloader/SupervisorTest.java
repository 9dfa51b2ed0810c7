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
    void misuseIsOneClearSentence() {
        assertThatThrownBy(() -> Supervisor.builder().build())
                .hasMessage("The supervisor needs the app's main class; call mainClass(...).");
        assertThatThrownBy(() -> Supervisor.builder().port(70_000))
                .hasMessage("The port must be between 0 and 65535, but was 70000.");
        assertThatThrownBy(() -> Supervisor.builder().mainClass("M").quietPeriod(Duration.ofSeconds(3)).build())
                .hasMessage("The maximum delay PT2S cannot be shorter than the quiet period PT3S.");
        assertThatThrownBy(() -> Supervisor.builder().reloaderType("inotify"))
                .isInstanceOf(ReloaderException.class).hasMessageStartingWith("Unknown reloader type 'inotify'");
    }

    @Test
    void theTestJvmIsNotAChild() {
        assertThat(Supervisor.isChild()).isFalse();
        assertThat(ParentWatch.install()).isFalse();
    }
}
