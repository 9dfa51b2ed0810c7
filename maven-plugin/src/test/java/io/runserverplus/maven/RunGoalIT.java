package io.runserverplus.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ./mvnw runserverplus:run} in a user's project built against this build's installed artifacts. */
class RunGoalIT {

    private static final Pattern RUNNING_ON = Pattern.compile("^ \\* Running on (http://127\\.0\\.0\\.1:\\d+)$");
    private static final Path JDK = Path.of(System.getProperty("java.home"));

    @Test
    void runCompilesFindsTheMainClassAndServesTheApp() throws Exception {
        SampleProject project = SampleProject.copy("javalin-app", "serves");
        List<ProcessHandle> appJvms;
        try (SampleProject.Run run = project.start(JDK, "runserverplus:run", "-Drunserverplus.args=127.0.0.1:0 --nopin")) {
            String url = url(run.awaitLine(line -> RUNNING_ON.matcher(line).matches()));

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("Hello from the sample app");
            assertThat(run.lines).as("the main class was found and compiled from source")
                    .contains("[INFO] Running com.example.App (the runtime class path of javalin-app)");
            assertThat(run.output()).as("--nopin reached the app").contains(" * Debugger is active!")
                    .doesNotContain("Debugger PIN");
            appJvms = run.maven.descendants().toList();
            assertThat(appJvms).as("the app runs in JVMs of its own").isNotEmpty();
        }
        for (ProcessHandle appJvm : appJvms) {
            assertThat(appJvm.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("the app ends with Maven").isFalse();
        }
    }

    /** With package before it, Maven resolves the greeting module to its jar, which is not watched: its classes are. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"runserverplus:run", "package runserverplus:run"})
    void inABuildOfSeveralModulesTheAppRunsAndTheModulesItUsesAreWatched(String goals) throws Exception {
        SampleProject project = SampleProject.copy("multi-module", "multi-module-" + goals.replaceAll("\\W", "-"));
        List<String> arguments = new ArrayList<>(List.of("-pl", "app", "-am", "-Drunserverplus.args=127.0.0.1:0"));
        arguments.addAll(List.of(goals.split(" ")));
        try (SampleProject.Run run = project.start(JDK, arguments.toArray(String[]::new))) {
            String url = url(run.awaitLine(line -> RUNNING_ON.matcher(line).matches()));

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("Hello from the greeting module");
            assertThat(run.lines).contains("[INFO] Skipping greeting: no main class here starts RunServerPlus.");

            // What a compile of the greeting module leaves behind reloads the app.
            Path greetingClasses = project.directory.resolve("greeting/target/classes");
            project.write("greeting/target/classes/com/example/greeting/Added.class", "not a real class");
            run.awaitLine(line -> line.startsWith(" * Detected change in '" + greetingClasses));
        }
    }

    /**
     * The supervisor compiles a saved source as the project's build does: found in the build's
     * {@code <sourceDirectory>src/java</sourceDirectory>}, read in its ISO-8859-1 encoding, against
     * a provided-scope dependency that is not on the app's class path.
     */
    @Test
    void aSavedSourceIsCompiledAsTheBuildCompilesItAndServed() throws Exception {
        SampleProject project = SampleProject.copy("custom-layout", "custom-layout");
        try (SampleProject.Run run = project.start(JDK, "runserverplus:run", "-Drunserverplus.args=127.0.0.1:0 --nopin")) {
            String url = url(run.awaitLine(line -> RUNNING_ON.matcher(line).matches()));
            assertThat(get(url)).isEqualTo("Gr\u00fc\u00dfe");

            project.write("src/java/com/example/Greeting.java", """
                    package com.example;

                    import org.apiguardian.api.API;

                    @API(status = API.Status.INTERNAL)
                    final class Greeting {

                        static String text() {
                            return "Gr\u00fc\u00dfe, edited";
                        }
                    }
                    """, StandardCharsets.ISO_8859_1);

            run.awaitLine(line -> line.startsWith(" * Compiled 'Greeting.java'"));
            String reloaded = url(awaitLineAfter(run, " * Compiled 'Greeting.java'",
                    line -> RUNNING_ON.matcher(line).matches())); // port 0: the new JVM picks its own
            assertThat(eventually(() -> get(reloaded), body -> body.endsWith("edited"))).as(run.output())
                    .isEqualTo("Gr\u00fc\u00dfe, edited");
        }
    }

    /** {@code --hotswap} through the plugin: the supervisor compiles the saved source and the running app gets the new body. */
    @Test
    void withHotSwapASavedBodyChangeIsServedByTheSameApp() throws Exception {
        SampleProject project = SampleProject.copy("javalin-app", "hotswap");
        String app = """
                package com.example;

                import io.runserverplus.adapter.javalin.JavalinApp;
                import io.runserverplus.core.RunServerPlus;

                public final class App {
                    static int count;

                    public static void main(String[] args) {
                        RunServerPlus.builder().app(JavalinApp.of(config ->
                                config.routes.get("/", ctx -> ctx.result(greeting() + " " + (++count))))).args(args).start();
                    }

                    static String greeting() {
                        return "before";
                    }
                }
                """;
        project.write("src/main/java/com/example/App.java", app);
        try (SampleProject.Run run = project.start(JDK, "runserverplus:run",
                "-Drunserverplus.args=127.0.0.1:0 --nopin --hotswap")) {
            String url = url(run.awaitLine(line -> RUNNING_ON.matcher(line).matches()));
            assertThat(get(url)).isEqualTo("before 1");

            project.write("src/main/java/com/example/App.java", app.replace("\"before\"", "\"after\""));

            run.awaitLine(line -> line.equals(" * Hot-swapped 1 class (method bodies only)"));
            assertThat(get(url)).as(run.output()).isEqualTo("after 2");
        }
    }

    /** The first wanted line printed after the first one starting with {@code after}. */
    static String awaitLineAfter(SampleProject.Run run, String after, java.util.function.Predicate<String> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            List<String> lines = List.copyOf(run.lines);
            boolean seen = false;
            for (String line : lines) {
                if (seen && wanted.test(line)) {
                    return line;
                }
                seen |= line.startsWith(after);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the awaited line was not printed after '" + after + "':\n" + run.output());
    }

    static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    /** The value once it is wanted: the app reloads after the compile, and requests meanwhile may fail. */
    static <T> T eventually(java.util.concurrent.Callable<T> value, java.util.function.Predicate<T> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        T last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = value.call();
                if (wanted.test(last)) {
                    return last;
                }
            } catch (Exception reloading) {
                // the app is between two JVMs
            }
            Thread.sleep(100);
        }
        return last;
    }

    @Test
    void badRunserverPlusArgumentsEndTheBuildWithTheAppsOneSentence() throws Exception {
        SampleProject project = SampleProject.copy("javalin-app", "bad-args");
        try (SampleProject.Run run = project.start(JDK, "runserverplus:run", "-Drunserverplus.args=70000")) {
            int exit = run.awaitExit();

            assertThat(exit).as(run.output()).isNotZero();
            assertThat(run.lines).containsOnlyOnce(
                    "Port 70000 is out of range; use a number from 0 to 65535 (0 picks a free port).");
            assertThat(run.lines).anyMatch(line -> line.startsWith("[ERROR] Failed to execute goal")
                    && line.contains("com.example.App ended with exit code 2; its own message is above."));
            assertNoStackTrace(run);
        }
    }

    @Test
    void anUnclosedQuoteInTheArgumentsIsOneSentence() throws Exception {
        SampleProject project = SampleProject.copy("javalin-app", "unclosed-quote");
        try (SampleProject.Run run = project.start(JDK, "runserverplus:run", "-Drunserverplus.args=--cert-file 'dev")) {
            int exit = run.awaitExit();

            assertThat(exit).as(run.output()).isNotZero();
            assertThat(run.lines).anyMatch(line -> line.startsWith("[ERROR] Failed to execute goal") && line.endsWith(
                    "runserverplus.args \"--cert-file 'dev\" has a quote that is not closed; close it or drop it"
                            + " (quotes keep spaces inside one argument, as in 'my dev cert'). -> [Help 1]"));
            assertThat(run.lines).noneMatch(line -> line.equals("sample app: starting"));
            assertNoStackTrace(run);
        }
    }

    @Test
    void severalMainClassesThatStartRunServerPlusAreListedWithHowToChoose() throws Exception {
        SampleProject project = SampleProject.copy("javalin-app", "two-mains");
        project.write("src/main/java/com/example/admin/AdminApp.java", """
                package com.example.admin;

                public final class AdminApp {
                    public static void main(String[] args) {
                        io.runserverplus.core.RunServerPlus.builder().args(args).start();
                    }
                }
                """);
        try (SampleProject.Run run = project.start(JDK, "runserverplus:run")) {
            int exit = run.awaitExit();

            assertThat(exit).as(run.output()).isNotZero();
            assertThat(run.lines).anyMatch(line -> line.startsWith("[ERROR] Failed to execute goal") && line.contains(
                    "have a main method that starts RunServerPlus (com.example.App, com.example.admin.AdminApp);"
                            + " choose one with -Dexec.mainClass=com.example.App or <mainClass> in the plugin's"
                            + " configuration."));
            assertNoStackTrace(run);
        }
    }

    @Test
    void withoutAMainClassThatStartsRunServerPlusTheGoalSaysHowToNameOne() throws Exception {
        SampleProject project = SampleProject.copy("javalin-app", "no-main");
        Files.delete(project.directory.resolve("src/main/java/com/example/App.java"));
        project.write("src/main/java/com/example/Tool.java", """
                package com.example;

                public final class Tool {
                    public static void main(String[] args) {
                        System.out.println("a tool, not the app");
                    }
                }
                """);
        try (SampleProject.Run run = project.start(JDK, "runserverplus:run")) {
            int exit = run.awaitExit();

            assertThat(exit).as(run.output()).isNotZero();
            assertThat(run.lines).anyMatch(line -> line.startsWith("[ERROR] Failed to execute goal") && line.contains(
                    "has a main method that starts RunServerPlus; name the main class with"
                            + " -Dexec.mainClass=com.example.Main or <mainClass> in the plugin's configuration."));
            assertThat(run.lines).doesNotContain("a tool, not the app");
            assertNoStackTrace(run);
        }
    }

    @Test
    void execMainClassChoosesAmongSeveral() throws Exception {
        SampleProject project = SampleProject.copy("javalin-app", "chosen-main");
        project.write("src/main/java/com/example/admin/AdminApp.java", """
                package com.example.admin;

                public final class AdminApp {
                    public static void main(String[] args) {
                        System.out.println("admin app: chosen");
                        io.runserverplus.core.RunServerPlus.builder().args(args).start();
                    }
                }
                """);
        try (SampleProject.Run run = project.start(JDK, "runserverplus:run", "-Dexec.mainClass=com.example.App",
                "-Drunserverplus.args=127.0.0.1:0")) {
            run.awaitLine(line -> RUNNING_ON.matcher(line).matches());

            assertThat(run.lines).contains("sample app: starting").doesNotContain("admin app: chosen");
        }
    }

    private static void assertNoStackTrace(SampleProject.Run run) {
        assertThat(run.lines).as("no stack trace").noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception:"));
    }

    private static String url(String runningOn) {
        Matcher matcher = RUNNING_ON.matcher(runningOn);
        assertThat(matcher.matches()).isTrue();
        return matcher.group(1);
    }
}
