package io.runserverplus.contract;

import static io.runserverplus.contract.DebuggerClient.attribute;
import static io.runserverplus.contract.DebuggerClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.runserverplus.spi.WebApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every failure reachable, from any client, on every adapter: the failures list, the page's URL in
 * API answers (problem document, plain text, {@code Link} header) and on the terminal, and a
 * failure the app's own exception handler answered. Its own server, so the list holds only what
 * these tests made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FailuresContract {

    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"describedby\"");

    private ContractServer server;

    protected abstract WebApp app(Map<String, ContractRoute> routes, Map<String, StreamingRoute> streams);

    @BeforeAll
    void startServer() {
        server = new ContractServer(app(ContractRoutes.standard(), ContractRoutes.streaming()));
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void theListShowsFailuresOfHtmlJsonAndPlainClientsAndTheAppsOwnNewestFirst() throws Exception {
        server.get("/boom", "text/html");
        server.get("/boom", "text/html");
        server.get("/chain", "application/json");
        server.get("/error", "text/plain");
        HttpResponse<String> handled = server.get(ContractRoutes.HANDLED_BY_APP, "application/json");

        HttpResponse<String> list = server.get("/__debugger__/", "text/html");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'nonce-"));
        assertThat(list.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        String page = list.body();
        assertThat(page).contains("<h1>Failures</h1>", "/__debugger__/resource/failures.js");
        String boom = row(page, "GET /boom");
        assertThat(boom).contains("java.lang.IllegalStateException", "only 2 on hand, 3 wanted",
                "ContractFailures$Stock.take(ContractFailures.java:35)", "<td class=\"status\">500")
                .containsPattern("<td class=\"times\">([2-9]|\\d{2,}) times</td>");
        assertThat(boom).doesNotContain("handled by the app");
        assertThat(row(page, "GET /chain")).contains("startup failed").doesNotContain("handled by the app");
        assertThat(row(page, "GET /error")).contains("java.lang.AssertionError");
        assertThat(row(page, "GET " + ContractRoutes.HANDLED_BY_APP))
                .contains("handled by the app", "the app answers this failure itself", "<td class=\"status\">500");
        assertThat(page.indexOf("GET " + ContractRoutes.HANDLED_BY_APP)).as("newest first")
                .isLessThan(page.indexOf("GET /error")).isPositive();
        assertThat(page.indexOf("GET /error")).isLessThan(page.indexOf("GET /chain"));
        assertThat(page.indexOf("GET /chain")).isLessThan(page.indexOf("GET /boom"));
        // The app's answer is the app's: status and body as its handler made them.
        assertThat(handled.statusCode()).isEqualTo(500);
        assertThat(handled.body()).isEqualTo(ContractRoutes.APP_ERROR_PAGE);
        assertThat(linkOf(handled)).as("a Link to its page added").startsWith(server.url("/__debugger__/failures/"));
    }

    @Test
    void eachRowLinksToTheFailuresFullPage() throws Exception {
        server.get("/chain", "text/plain");

        Matcher link = Pattern.compile("<a href=\"(/__debugger__/failures/[0-9a-f]+)\">GET /chain</a>")
                .matcher(server.get("/__debugger__/", "text/html").body());
        assertThat(link.find()).as("a link to /chain's page").isTrue();
        HttpResponse<String> page = server.get(link.group(1), "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(PageHtml.withoutWordBreaks(page.body())).contains("<h1>java.lang.IllegalStateException</h1>", "<code>GET /chain</code>",
                "Caused by:</span> java.io.UncheckedIOException");
    }

    @Test
    void apiClientsGetAnRfc9457ProblemDocumentThatLinksToThePage() throws Exception {
        for (String accept : new String[] {"application/problem+json", "application/json"}) {
            HttpResponse<String> response = server.get("/chain", accept);

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            Map<String, JsonToken> members = topLevelMembers(response.body());
            // RFC 9457 section 3.1: the members' types, when present.
            assertThat(members).containsEntry("type", JsonToken.VALUE_STRING).containsEntry("title", JsonToken.VALUE_STRING)
                    .containsEntry("status", JsonToken.VALUE_NUMBER_INT).containsEntry("detail", JsonToken.VALUE_STRING)
                    .containsEntry("instance", JsonToken.VALUE_STRING)
                    .containsEntry("exception", JsonToken.START_OBJECT).containsEntry("debuggerPage", JsonToken.VALUE_STRING);
            String pageUrl = linkOf(response);
            assertThat(response.body())
                    .contains("\"type\":\"about:blank\"", "\"title\":\"Internal Server Error\"", "\"status\":500",
                            "\"detail\":\"java.lang.IllegalStateException: startup failed\"",
                            "\"instance\":\"" + pageUrl + "\"", "\"debuggerPage\":\"" + pageUrl + "\"")
                    .contains("\"exception\":{\"type\":\"java.lang.IllegalStateException\",\"message\":\"startup failed\"")
                    .contains("\"frames\":[{", "\"cause\":{\"type\":\"java.io.UncheckedIOException\"")
                    .contains("\"suppressed\":[{\"type\":\"java.io.IOException\",\"message\":\"cleanup failed too\"");
        }
    }

    @Test
    void plainTextClientsGetTheStackTraceWithThePagesUrlOnTheLastLine() throws Exception {
        HttpResponse<String> response = server.get("/boom", "text/plain");

        String[] lines = response.body().split("\n");
        assertThat(lines[0]).isEqualTo("java.lang.IllegalStateException: only 2 on hand, 3 wanted");
        assertThat(lines[lines.length - 1]).isEqualTo("Debugger page: " + linkOf(response));
        assertThat(response.headers().firstValue("X-Debugger-Page")).hasValue(linkOf(response));
    }

    @Test
    void theLinkOfAnApiAnswerOpensThePageWithAWorkingConsole() throws Exception {
        HttpResponse<String> api = server.get("/boom", "application/json");
        String url = linkOf(api);
        assertThat(url).startsWith(server.url("/__debugger__/failures/"));

        HttpResponse<String> page = server.get(url.substring(server.url("").length()), "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(PageHtml.withoutWordBreaks(page.body())).contains("<h1>java.lang.IllegalStateException</h1>", "data-console=\"on\"");
        String secret = attribute(page.body(), "data-secret");
        DebuggerClient debugger = new DebuggerClient(server);
        String cookie = debugger.login(secret);
        HttpResponse<String> answer = debugger.post("eval", secret, cookie, fields("tb", attribute(page.body(), "data-traceback"),
                "frame", attribute(page.body(), "data-focus"), "code", "quantity * 14"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<pre class=\"eval-value\">42</pre>");
    }

    @Test
    void theTerminalsFailureLineEndsWithThePagesUrl() throws Exception {
        try (FailureLogRecorder log = new FailureLogRecorder()) {
            HttpResponse<String> first = server.get("/vendor", "application/json");
            HttpResponse<String> repeat = server.get("/vendor", "application/json");

            var records = log.recordsAbout("vendor code failed");
            assertThat(records).hasSize(2);
            assertThat(records.get(0).getMessage()).endsWith(", page: " + linkOf(first));
            assertThat(records.get(1).getMessage()).endsWith(", page: " + linkOf(repeat));
        }
    }

    @Test
    void aFailureTheAppHandledIsLoggedInOneLineWithItsPage() throws Exception {
        try (FailureLogRecorder log = new FailureLogRecorder()) {
            server.get(ContractRoutes.HANDLED_BY_APP + "?probe=terminal", "text/html");

            assertThat(log.recordsAbout("the app answers this failure itself")).singleElement().satisfies(record -> {
                assertThat(record.getThrown()).isNull();
                assertThat(record.getMessage()).contains("handled by the app, which answered 500")
                        .containsPattern(", page: http://127\\.0\\.0\\.1:\\d+/__debugger__/failures/[0-9a-f]+$");
            });
        }
    }

    @Test
    void theEventsOfTheListAnswerAtOnceWhenANewerFailureExists() throws Exception {
        server.get("/boom", "text/html");

        HttpResponse<String> events = server.get("/__debugger__/events?after=0", "application/json");

        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.body()).matches("\\{\"latest\": [1-9]\\d*}");
    }

    @Test
    void hostileMessagesAndPathsAreEscapedInTheList() throws Exception {
        server.get("/xss", "application/json");

        String list = server.get("/__debugger__/", "text/html").body();

        assertThat(list).doesNotContain("<script>window").doesNotContain("<img src=x").doesNotContain("<svg")
                .contains("&lt;script&gt;window.__xss=");
    }

    @Test
    void aGoneFailuresPageSaysWhereTheKeptOnesAre() throws Exception {
        HttpResponse<String> gone = server.get("/__debugger__/failures/0123456789ab", "text/html");

        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("That failure is gone", "/__debugger__/");
    }

    /** In Chromium: the open list shows a failure that happens after it was loaded, without a reload. */
    @Test
    void theOpenListShowsANewFailureWithoutBeingReloaded() throws Exception {
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            driver.get(server.url("/__debugger__/"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Failures");
            assertThat(driver.findElements(By.linkText("GET /no-debug-info"))).as("not failed yet").isEmpty();
            driver.executeScript("window.__sameDocument = true;");

            server.get("/no-debug-info", "application/json");

            WebElement row = new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(d -> d.findElements(By.linkText("GET /no-debug-info")).stream().findFirst().orElse(null));
            assertThat(driver.executeScript("return window.__sameDocument === true;")).as("updated in place").isEqualTo(true);
            row.click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/__debugger__/failures/"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(driver.findElement(By.tagName("body")).getText()).contains(NoDebugInfo.MESSAGE);
            List<LogEntry> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                    // The favicon is another part of #17 (the page's look), tested there.
                    .filter(entry -> !entry.getMessage().contains("/favicon.ico "))
                    .toList();
            assertThat(problems).as("browser console (a script error, a CSP violation)").isEmpty();
        }
    }

    private static String linkOf(HttpResponse<String> response) {
        String link = response.headers().firstValue("Link").orElseThrow(() -> new AssertionError("no Link header"));
        Matcher matcher = LINK.matcher(link);
        assertThat(matcher.matches()).as("Link: %s", link).isTrue();
        return matcher.group(1);
    }

    /** The list's row (a {@code <tr>}) whose request reads {@code request}. */
    private static String row(String page, String request) {
        Matcher matcher = Pattern.compile("<tr class=\"failure[^\"]*\">(?:(?!</tr>).)*>" + Pattern.quote(request)
                + "</a>.*?</tr>").matcher(page);
        assertThat(matcher.find()).as("a row for %s in:\n%s", request, page).isTrue();
        return matcher.group();
    }

    private static Map<String, JsonToken> topLevelMembers(String json) throws Exception {
        Map<String, JsonToken> members = new LinkedHashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                members.put(name, value);
                parser.skipChildren();
            }
        }
        return members;
    }
}
