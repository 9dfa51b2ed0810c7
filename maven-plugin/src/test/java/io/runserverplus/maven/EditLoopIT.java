package io.runserverplus.maven;

import static io.runserverplus.maven.RunGoalIT.eventually;
import static io.runserverplus.maven.RunGoalIT.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.contract.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A user's edit loop, all in one {@code ./mvnw runserverplus:run --hotswap --live-reload} on a
 * project built against this build's artifacts: a static file refreshes an open page in Chromium
 * without a restart; a body change is swapped into the running app, which keeps its state; a
 * changed constant recompiles the class that copied it and restarts the app; a compile error is a
 * page until a save fixes it; a new field restarts the app.
 */
class EditLoopIT {

    private static final Pattern RUNNING_ON = Pattern.compile("^ \\* Running on (http://127\\.0\\.0\\.1:\\d+)$");
    private static final String APP = """
            package com.example;

            import io.javalin.config.JavalinConfig;
            import io.javalin.http.staticfiles.Location;
            import io.runserverplus.adapter.javalin.JavalinApp;
            import io.runserverplus.core.RunServerPlus;

            public final class App {
                static int count;

                public static void main(String[] args) {
                    RunServerPlus.builder().app(JavalinApp.of(App::routes)).args(args).start();
                }

                static void routes(JavalinConfig config) {
                    config.staticFiles.add("/public", Location.CLASSPATH);
                    config.routes.get("/", ctx -> ctx.result(Greeting.text() + Greeting.SUFFIX + " " + (++count)));
                }
            }
            """;

    @Test
    void staticFileBodyChangeConstantCompileErrorAndNewFieldThroughThePlugin() throws Exception {
        SampleProject project = SampleProject.copy("javalin-app", "edit-loop");
        project.write("src/main/java/com/example/App.java", APP);
        project.write("src/main/java/com/example/Greeting.java", greeting("hello", "!"));
        project.write("src/main/resources/public/page.html", page("First version"));
        try (SampleProject.Run run = project.start(Path.of(System.getProperty("java.home")), "runserverplus:run",
                "-Drunserverplus.args=127.0.0.1:0 --nopin --hotswap --live-reload")) {
            Matcher running = RUNNING_ON.matcher(run.awaitLine(line -> RUNNING_ON.matcher(line).matches()));
            assertThat(running.matches()).isTrue();
            String url = running.group(1);
            assertThat(get(url)).isEqualTo("hello! 1");

            try (Browser browser = Browser.open()) {
                ChromeDriver driver = browser.driver();
                driver.get(url + "/page.html");
                assertThat(driver.getTitle()).isEqualTo("First version");
                // The page's script listens once the app's request log shows its event stream.
                run.awaitLine(line -> line.contains("GET /__debugger__/reloads"));

                project.write("src/main/resources/public/page.html", page("Second version"));

                assertThat(eventually(driver::getTitle, "Second version"::equals)).isEqualTo("Second version");
                run.awaitLine(line -> line.endsWith("page.html', served as it is now, without a restart"));
                assertThat(run.output()).doesNotContain("', reloading");
            }
            assertThat(get(url)).as("the same app, its count kept").isEqualTo("hello! 2");

            project.write("src/main/java/com/example/Greeting.java", greeting("howdy", "!"));
            run.awaitLine(line -> line.equals(" * Hot-swapped 1 class (method bodies only)"));
            assertThat(get(url)).as(run.output()).isEqualTo("howdy! 3");

            project.write("src/main/java/com/example/Greeting.java", greeting("howdy", "?"));
            run.awaitLine(line -> line.equals(" * A signature changed in 'Greeting.java': compiling every source again"));
            // Swapped, Greeting would keep "!" in its field while App, compiled again, copies "?".
            run.awaitLine(line -> line.endsWith("', reloading (no hot swap: a static constant's value changed)"));
            assertThat(eventually(() -> get(url), body -> body.startsWith("howdy?"))).as(run.output())
                    .isEqualTo("howdy? 1");

            project.write("src/main/java/com/example/Greeting.java", greeting("broken", "?")
                    .replace("return \"broken\";", "return \"broken\" + missing;"));
            String page = eventually(() -> getHtml(url), body -> body.contains("compile error"));
            assertThat(page).as(run.output()).contains("<h1>CompileError: 1 compile error</h1>",
                    project.directory.resolve("src/main/java/com/example/Greeting.java").toString(),
                    "cannot find symbol");
            project.write("src/main/java/com/example/Greeting.java", greeting("fixed", "?"));
            assertThat(eventually(() -> get(url), body -> body.startsWith("fixed?"))).startsWith("fixed? ");

            project.write("src/main/java/com/example/App.java", APP.replace("static int count;",
                    "static int count;\n    static String added = \" (new field)\";").replace(
                    "Greeting.SUFFIX + \" \"", "Greeting.SUFFIX + added + \" \""));
            run.awaitLine(line -> line.endsWith("App.java', reloading (no hot swap: a field was added or removed,"
                    + " or its type changed)"));
            assertThat(eventually(() -> get(url), body -> body.contains("(new field)"))).as(run.output())
                    .isEqualTo("fixed? (new field) 1");
        }
    }

    private static String greeting(String text, String suffix) {
        return """
                package com.example;

                final class Greeting {
                    static final String SUFFIX = "%s";

                    static String text() {
                        return "%s";
                    }
                }
                """.formatted(suffix, text);
    }

    private static String page(String title) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body><p>" + title + "</p></body></html>";
    }

    /** What a browser gets: the compile-error page is HTML for it, text for other clients. */
    private static String getHtml(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
