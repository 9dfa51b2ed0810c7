package io.runserverplus.examples.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo run on the module path ({@code java --module-path ... -m io.runserverplus.examples.jetty/...}),
 * as the descriptors promise: core finds the reloader and the console through their {@code provides}
 * (the demo's module names neither), the supervisor starts its child from the module path with the
 * capture agent, and the page and a console evaluation work as on the class path.
 */
class ModulePathIT {

    private static final String MODULE = "io.runserverplus.examples.jetty";
    private static final Pattern RUNNING_ON = Pattern.compile(" \\* Running on (http://127\\.0\\.0\\.1:\\d+)");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @Test
    void theDemoRunsOnTheModulePathWithTheReloaderAndTheConsoleFoundThroughTheirProvides() throws Exception {
        String modulePath = Path.of("target", "classes") + File.pathSeparator
                + Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath, "-m", MODULE + "/" + JettyDemo.class.getName(), "--nopin", "127.0.0.1:0")
                .redirectErrorStream(true).start();
        // readLine blocks while the demo prints nothing: a demo that never prints its address is
        // ended after two minutes, which ends the read and fails the test instead of hanging it.
        CompletableFuture.runAsync(demo::destroyForcibly, CompletableFuture.delayedExecutor(2, TimeUnit.MINUTES));
        try (BufferedReader output = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> printed = new ArrayList<>();
            String url = awaitUrl(output, printed);

            assertThat(printed).as("the supervisor, found through ReloaderProvider, started the child")
                    .anyMatch(line -> line.startsWith(" * Restarting with "));
            assertThat(get(url + "/", "text/html").body()).isEqualTo("Hello from the Jetty demo");

            String page = get(url + "/boom", "text/html").body();
            assertThat(page).as("frame variables, captured by the console's agent in the child")
                    .contains("Cannot reserve &#39;durian&#39;: out of stock", "<details class=\"locals\" open>",
                            "<td class=\"var-name\">onHand</td>");

            HttpResponse<String> answer = eval(url, page, "self.getClass().getModule().getName() + \" \" + (onHand + 1)");
            assertThat(answer.body()).as("a console evaluation in the failed frame, in the demo's named module")
                    .contains("<pre class=\"eval-value\">&#34;" + MODULE + " 1&#34;</pre>");
        } finally {
            demo.destroy();
            if (!demo.waitFor(15, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
    }

    private HttpResponse<String> get(String url, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> eval(String url, String page, String code) throws Exception {
        Map<String, String> form = Map.of("tb", attribute(page, "data-traceback"), "frame", attribute(page, "data-focus"),
                "code", code);
        String body = form.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(url + "/__debugger__/eval"))
                .header("X-Debugger-Secret", attribute(page, "data-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String attribute(String page, String name) {
        Matcher value = Pattern.compile(name + "=\"([^\"]*)\"").matcher(page);
        assertThat(value.find()).as("%s on the page", name).isTrue();
        return value.group(1);
    }

    private static String awaitUrl(BufferedReader output, List<String> printed) throws Exception {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            printed.add(line);
            Matcher running = RUNNING_ON.matcher(line);
            if (running.find()) {
                return running.group(1);
            }
        }
        throw new AssertionError("the demo ended without announcing its address:\n" + String.join("\n", printed));
    }
}
