package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildCommandTest {

    @Test
    void theChildRunsTheSameJavaClassPathMainClassAndArguments() {
        List<String> command = ChildCommand.build(Path.of("/jdk"), "a.jar:classes",
                List.of("-Dapp.mode=dev", "-agentlib:jdwp=transport=dt_socket,address=5005", "-Xmx512m"),
                List.of("-javaagent:console.jar"), "com.acme.Main", List.of("8000", "--nopin"));

        assertThat(command).containsExactly(Path.of("/jdk/bin/java").toString(), "-Dapp.mode=dev", "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-javaagent:console.jar", "-XX:-OmitStackTraceInFastThrow", "-cp", "a.jar:classes",
                "com.acme.Main", "8000", "--nopin");
    }

    @Test
    void systemPropertiesAndModuleFlagsAreForwardedButAgentsAndDebuggersAreNot() {
        assertThat(ChildCommand.forwarded(List.of("-Dfile.encoding=UTF-8", "-Djava.class.path=x",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "-ea", "--enable-preview",
                "-javaagent:/idea/agent.jar", "-agentlib:jdwp=x", "-XX:TieredStopAtLevel=1", "-Xss2m")))
                .containsExactly("-Dfile.encoding=UTF-8", "--add-opens=java.base/java.lang=ALL-UNNAMED", "-ea",
                        "--enable-preview", "-Xss2m");
    }

    @Test
    void aParentStartedFromTheModulePathStartsItsChildrenFromIt() {
        // What the JVM lists for: java --module-path mods --add-modules com.google.common -m app/com.acme.Main 8000
        List<String> command = ChildCommand.build(Path.of("/jdk"), "",
                List.of("--module-path=mods", "--add-modules=com.google.common", "-Djdk.module.main=app"),
                List.of(), "com.acme.Main", List.of("8000"));

        assertThat(command).containsExactly(Path.of("/jdk/bin/java").toString(), "--module-path=mods",
                "--add-modules=com.google.common", "-XX:TieredStopAtLevel=1", "-XX:-OmitStackTraceInFastThrow",
                "-m", "app/com.acme.Main", "8000");
    }
}
