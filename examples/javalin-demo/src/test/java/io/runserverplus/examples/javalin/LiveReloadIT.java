package io.runserverplus.examples.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.contract.Browser;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@code --live-reload} as a user sees it: the demo under the supervisor, a page of it open in
 * Chromium, which refreshes itself when a static file changes (the app keeps running: same JVM,
 * same process id) and when the app reloads.
 */
class LiveReloadIT extends SupervisedDemoTest {

    @Test
    void anOpenPageRefreshesAfterAStaticFileChangeWithoutARestartAndAfterAReload() throws Exception {
        Path classes = temp.resolve("classes");
        DemoFiles.copyTree(Path.of("target", "classes"), classes);
        Files.writeString(classes.resolve("public/live.html"), page("First version"));
        String jars = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        int port = DemoFiles.freePort();
        String url = "http://127.0.0.1:" + port + "/";
        supervisor = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + jars, JavalinDemo.class.getName(), "127.0.0.1:" + port,
                "--live-reload")
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("console.txt").toFile())
                .start();
        String app = await(() -> appPid(url));

        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            driver.get(url + "live.html");
            assertThat(driver.getTitle()).isEqualTo("First version");
            // The page's script has had its first answer once the request log shows its request.
            await(() -> console().contains("GET /__debugger__/reloads") ? true : null);
            driver.executeScript("window.notRefreshedYet = true");

            Files.writeString(classes.resolve("public/live.html"), page("Second version"));
            await(() -> "Second version".equals(driver.getTitle()) ? true : null);
            assertThat(driver.executeScript("return window.notRefreshedYet === undefined")).isEqualTo(true);
            assertThat(console()).contains("served as it is now, without a restart").doesNotContain("', reloading");
            assertThat(appPid(url)).as("the same app JVM, its in-memory state kept").isEqualTo(app);

            await(() -> console().split("GET /__debugger__/reloads", -1).length > 2 ? true : null);
            driver.executeScript("window.notRefreshedYet = true");
            Files.writeString(classes.resolve("touched.txt"), "not a static location: the app reloads");
            await(() -> {
                String now = appPid(url);
                return now != null && !now.equals(app) ? true : null;
            });
            await(() -> Boolean.TRUE.equals(driver.executeScript("return window.notRefreshedYet === undefined")) ? true : null);
            assertThat(driver.getTitle()).isEqualTo("Second version");
        }
    }

    private static String page(String title) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body><p>" + title + "</p></body></html>";
    }

    /** The process id the app answers its event stream with; null while no app serves. */
    private String appPid(String url) {
        try {
            String stream = client.send(HttpRequest.newBuilder(URI.create(url + "__debugger__/reloads"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            int at = stream.indexOf("event: app\ndata: ");
            return at < 0 ? null : stream.substring(at + "event: app\ndata: ".length()).lines().findFirst().orElse(null);
        } catch (IOException | InterruptedException notYet) {
            return null;
        }
    }

    private String console() {
        try {
            return Files.readString(temp.resolve("console.txt"));
        } catch (IOException e) {
            return "";
        }
    }

    private <T> T await(Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within 60 s; console:\n" + console());
    }
}
