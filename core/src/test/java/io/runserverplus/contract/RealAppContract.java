package io.runserverplus.contract;

import static io.runserverplus.contract.DebuggerClient.attribute;
import static io.runserverplus.contract.DebuggerClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.WebApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An app written the way the frameworks' public samples are, moved to RunServerPlus by changing
 * only its {@code main}: its routes under the context path {@code /app}, an access check in front
 * of everything that answers 401 to any path it does not know (a Javalin {@code before} handler, a
 * Helidon filter, a Jetty handler in front of the app's), and the app's own exception mapper for
 * its own exception type, its own server settings (a port, which RunServerPlus's address overrides
 * with a warning, and a request size limit) and its static files. The debugger's page, assets,
 * commands and console work all the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RealAppContract {

    /** What the app's access check answers, with 401, to every path it does not know. */
    public static final String DENIED = "Unauthorized: log in first";
    /** The paths, below the context path, that the access check lets through. */
    public static final List<String> KNOWN = List.of("/hello", "/boom", "/mapped", "/echo");
    /** Below the context path, the app's static files, which its access check lets through. */
    public static final String STATIC = "/static/";
    /** The classpath folder of the app's static files: {@code static/greeting.txt} in it. */
    public static final String STATIC_ROOT = "realapp-public";
    public static final String GREETING = "a static file of the real app\n";
    /** The port in the app's own server settings, which the test's address (port 0) overrides. */
    public static final int OWN_PORT = 18089;
    /** The largest request body, in bytes, the app's own server settings accept. */
    public static final int MAX_REQUEST_SIZE = 1024;
    public static final String CONTEXT_PATH = "/app";
    /** The failure of {@code /app/boom}. */
    public static final String FAILURE = "the real app failed";
    /** What the app's own mapper answers for {@link TeapotException}, with 418. */
    public static final String MAPPED = "mapped by the app";

    /** The app's own exception type, which its own mapper answers. */
    public static final class TeapotException extends RuntimeException {
        public TeapotException() {
            super("short and stout");
        }
    }

    /** Whether the app's access check lets {@code path} (with or without the context path) through. */
    public static boolean known(String path) {
        String inContext = path.startsWith(CONTEXT_PATH + "/") ? path.substring(CONTEXT_PATH.length()) : path;
        return KNOWN.contains(inContext) || inContext.startsWith(STATIC);
    }

    private ContractServer server;
    private DebuggerClient debugger;

    /**
     * The adapter's app: {@code GET /app/hello} answers {@code hello}, {@code /app/boom} throws an
     * IllegalStateException with {@link #FAILURE}, {@code /app/mapped} throws a {@link TeapotException}
     * that the app maps to 418 {@link #MAPPED}, {@code POST /app/echo} answers the body it was sent,
     * {@code /app/static/greeting.txt} is the static file {@link #GREETING} from the classpath folder
     * {@link #STATIC_ROOT}; everything else is {@link #known unknown} to its access check, which
     * answers 401 {@link #DENIED}. The app's own server settings name {@link #OWN_PORT} and limit
     * request bodies to {@link #MAX_REQUEST_SIZE} bytes.
     */
    protected abstract WebApp realApp();

    @BeforeAll
    void start() {
        server = new ContractServer(realApp());
        debugger = new DebuggerClient(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theAppsAccessCheckAndRoutesWorkAsWithoutRunServerPlus() throws Exception {
        HttpResponse<String> denied = server.get(CONTEXT_PATH + "/admin", null);
        HttpResponse<String> hello = server.get(CONTEXT_PATH + "/hello", null);
        HttpResponse<String> mapped = server.get(CONTEXT_PATH + "/mapped", "text/html");

        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(denied.body()).isEqualTo(DENIED);
        assertThat(hello.body()).isEqualTo("hello");
        assertThat(mapped.statusCode()).isEqualTo(418);
        assertThat(mapped.body()).isEqualTo(MAPPED);
    }

    @Test
    void theAppsOwnRequestSizeLimitStillHolds() throws Exception {
        HttpResponse<String> small = post(CONTEXT_PATH + "/echo", "x".repeat(MAX_REQUEST_SIZE / 2));
        HttpResponse<String> large = post(CONTEXT_PATH + "/echo", "x".repeat(MAX_REQUEST_SIZE * 4));

        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(small.body()).isEqualTo("x".repeat(MAX_REQUEST_SIZE / 2));
        assertThat(large.statusCode()).as("the framework's answer to a body over the app's limit").isEqualTo(413);
    }

    @Test
    void theAppsStaticFilesAreServedUnderItsContextPath() throws Exception {
        HttpResponse<String> greeting = server.get(CONTEXT_PATH + STATIC + "greeting.txt", null);
        HttpResponse<String> missing = server.get(CONTEXT_PATH + "/greeting.txt", null);

        assertThat(greeting.statusCode()).isEqualTo(200);
        assertThat(greeting.body()).isEqualTo(GREETING);
        assertThat(missing.statusCode()).as("outside the app's public allowance").isEqualTo(401);
        assertThat(missing.body()).isEqualTo(DENIED);
    }

    @Test
    void theAppsOwnPortIsNamedInOneWarningLineWithTheAddressUsedInstead() {
        assertThat(server.output().lines().filter(line -> line.contains("the app's own port")))
                .singleElement().asString()
                .startsWith("WARNING: the app's own port " + OWN_PORT + " (")
                .endsWith("is not used: a RunServerPlus setting names 127.0.0.1:0; drop one of the two.");
        assertThat(server.port()).isNotEqualTo(OWN_PORT);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path)))
                        .timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFailureUnderTheContextPathGetsThePageAndEveryAssetItLinks() throws Exception {
        HttpResponse<String> page = server.get(CONTEXT_PATH + "/boom", "text/html");

        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(PageHtml.withoutWordBreaks(page.body())).contains("<h1>java.lang.IllegalStateException</h1>", FAILURE);
        Matcher assets = Pattern.compile("(?:href|src)=\"(/__debugger__/resource/[^\"]+)\"").matcher(page.body());
        int seen = 0;
        while (assets.find()) {
            HttpResponse<String> asset = server.get(assets.group(1).replace("&amp;", "&"), null);
            assertThat(asset.statusCode()).as(assets.group(1)).isEqualTo(200);
            assertThat(asset.body()).as(assets.group(1)).isNotEqualTo(DENIED);
            seen++;
        }
        assertThat(seen).as("the page links its stylesheet and script").isGreaterThanOrEqualTo(2);
    }

    @Test
    void theDebuggersCommandsAndTheConsolePageAnswerPastTheAppsAccessCheck() throws Exception {
        String page = server.get(CONTEXT_PATH + "/boom", "text/html").body();
        String secret = attribute(page, "data-secret");
        String traceback = attribute(page, "data-traceback");

        String cookie = debugger.login(secret);
        HttpResponse<String> eval = debugger.post("eval", secret, cookie,
                fields("tb", traceback, "frame", "0", "code", "6 * 7"));
        HttpResponse<String> console = server.get("/console", "text/html");

        assertThat(eval.statusCode()).isEqualTo(200);
        assertThat(eval.body()).contains("42");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("data-secret=");
    }

    @Test
    void theFailuresListAnswersPastTheAppsAccessCheckWithTheFullPathAndLeavesMappedAnswersOut() throws Exception {
        HttpResponse<String> api = server.get(CONTEXT_PATH + "/boom", "application/json");
        server.get(CONTEXT_PATH + "/mapped", "application/json");

        HttpResponse<String> list = server.get("/__debugger__/", "text/html");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(">GET " + CONTEXT_PATH + "/boom</a>", FAILURE)
                .as("a 418 the app mapped an exception to is an answer, not a failure")
                .doesNotContain(CONTEXT_PATH + "/mapped");
        String link = api.headers().firstValue("X-Debugger-Page").orElseThrow();
        assertThat(server.get(link.substring(server.url("").length()), "text/html").body()).contains(FAILURE);
        Matcher assets = Pattern.compile("(?:href|src)=\"(/__debugger__/resource/[^\"]+)\"").matcher(list.body());
        int seen = 0;
        while (assets.find()) {
            HttpResponse<String> asset = server.get(assets.group(1), null);
            assertThat(asset.statusCode()).as(assets.group(1)).isEqualTo(200);
            seen++;
        }
        assertThat(seen).as("the list links two stylesheets and two scripts").isGreaterThanOrEqualTo(4);
    }
}
