package io.runserverplus.contract;

import static io.runserverplus.contract.DebuggerClient.attribute;
import static io.runserverplus.contract.DebuggerClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.core.WebApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The console over HTTP on every adapter, as the page's script drives it: a failed request's frames
 * with their captured variables, evaluation in a frame, live objects, time limit, output cap, the
 * standalone console, and the guards (PIN cookie, secret). The server under test runs with the
 * capture agent (the adapters' failsafe configuration adds it, as the supervisor does for a child).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConsoleContract {

    /** Short, so the stuck-snippet case does not hold the build up for the default 10 s. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(2);

    private ContractServer server;
    private DebuggerClient debugger;
    private String secret;
    private String cookie;

    protected abstract WebApp app(Map<String, ContractRoute> routes, Map<String, StreamingRoute> streams);

    @BeforeAll
    void startServer() throws Exception {
        server = new ContractServer(app(ContractRoutes.withFrames(), ContractRoutes.streaming()),
                builder -> builder.consoleTimeLimit(TIME_LIMIT));
        debugger = new DebuggerClient(server);
        secret = attribute(server.get("/boom", "text/html").body(), "data-secret");
        cookie = debugger.login(secret);
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void thePageShowsTheVariablesOfTheFailedFrameInAFoldableTable() throws Exception {
        String page = server.get("/boom", "text/html").body();
        String focus = frameHtml(page, attribute(page, "data-focus"));

        assertThat(focus).contains("<details class=\"locals\" open>", "<td class=\"var-name\">quantity</td>",
                "<td class=\"var-type\">int</td>", "<pre>3</pre>", "<td class=\"var-name\">this (self)</td>");
        assertThat(page).doesNotContain("Frame variables are not captured");
    }

    @Test
    void evaluatingALocalOfTheInnermostApplicationFrameGivesItsValue() throws Exception {
        String page = server.get("/boom", "text/html").body();

        HttpResponse<String> answer = eval(page, attribute(page, "data-focus"), "quantity * 2");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body()).contains("<pre class=\"eval-input\">&gt;&gt;&gt; quantity * 2</pre>",
                "<pre class=\"eval-value\">6</pre>");
    }

    @Test
    void theFramesThisTheExceptionAndTheRequestAreBound() throws Exception {
        String page = server.get("/boom?who=alice", "text/html").body();
        String focus = attribute(page, "data-focus");

        assertThat(eval(page, focus, "self.getClass().getSimpleName()").body()).contains("<pre class=\"eval-value\">&#34;Stock&#34;</pre>");
        assertThat(eval(page, focus, "ex.getMessage()").body()).contains("only 2 on hand, 3 wanted");
        assertThat(eval(page, focus, "request.queryParameter(\"who\").get()").body()).contains("&#34;alice&#34;");
        assertThat(eval(page, focus, "frame.methodName()").body()).contains("&#34;take&#34;");
    }

    @Test
    void mutatingACapturedObjectChangesTheApplicationsObject() throws Exception {
        String item = "pear-" + System.nanoTime();
        String page = server.get("/basket/checkout", "text/html").body();

        HttpResponse<String> answer = eval(page, attribute(page, "data-focus"), "basket.add(\"" + item + "\")");

        assertThat(answer.body()).doesNotContain("eval-error");
        assertThat(server.get("/basket", null).body()).contains(item);
    }

    @Test
    void multiLineInputContinuesWithTheContinuationPrompt() throws Exception {
        String page = server.get("/boom", "text/html").body();
        String focus = attribute(page, "data-focus");

        HttpResponse<String> first = eval(page, focus, "int twice(int x) {");
        HttpResponse<String> second = eval(page, focus, "return 2 * x; }");
        HttpResponse<String> third = eval(page, focus, "twice(quantity)");

        assertThat(first.body()).contains("data-prompt=\"... \"");
        assertThat(second.body()).contains("<pre class=\"eval-input\">... return 2 * x; }</pre>", "data-prompt=\">>> \"");
        assertThat(third.body()).contains("<pre class=\"eval-value\">6</pre>");
    }

    @Test
    void exceptionsPrintedOutputAndDumpAreShown() throws Exception {
        String page = server.get("/boom", "text/html").body();
        String focus = attribute(page, "data-focus");

        assertThat(eval(page, focus, "Integer.parseInt(\"x\")").body()).contains("class=\"eval-error\"", "NumberFormatException");
        assertThat(eval(page, focus, "System.out.println(\"hi \" + quantity)").body()).contains("<pre class=\"eval-output\">hi 3");
        assertThat(eval(page, focus, "dump()").body()).contains("quantity", "int", "3");
    }

    @Test
    void outputIsCappedAndTheCutIsSaid() throws Exception {
        String page = server.get("/boom", "text/html").body();

        HttpResponse<String> answer = eval(page, attribute(page, "data-focus"),
                "for (int i = 0; i < 20000; i++) System.out.println(\"line \" + i);");

        assertThat(answer.body()).contains("[output cut: ").doesNotContain("line 19999");
        assertThat(answer.body().length()).isLessThan(80 * 1024);
    }

    @Test
    void aSnippetThatNeverEndsIsStoppedInTimeWhileOtherRequestsAreServed() throws Exception {
        String page = server.get("/boom", "text/html").body();
        String focus = attribute(page, "data-focus");
        long start = System.nanoTime();

        CompletableFuture<HttpResponse<String>> stuck = CompletableFuture.supplyAsync(() -> {
            try {
                return eval(page, focus, "while (true) { }");
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        });
        Thread.sleep(300);
        for (int i = 0; i < 5; i++) {
            long requestStart = System.nanoTime();
            assertThat(server.get("/ok", null).body()).isEqualTo("ok");
            assertThat(Duration.ofNanos(System.nanoTime() - requestStart)).isLessThan(Duration.ofSeconds(1));
        }
        HttpResponse<String> answer = stuck.get();

        assertThat(answer.body()).contains("class=\"eval timeout\"", "Stopped: the evaluation ran longer than 2 s.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIME_LIMIT.plusSeconds(4));
        assertThat(eval(page, focus, "quantity").body()).as("the console still works").contains("<pre class=\"eval-value\">3</pre>");
    }

    @Test
    void systemExitIsRefusedAndTheServerLivesOn() throws Exception {
        String page = server.get("/boom", "text/html").body();

        HttpResponse<String> answer = eval(page, attribute(page, "data-focus"), "System.exit(0)");

        assertThat(answer.body()).contains("class=\"eval refused\"");
        assertThat(server.get("/ok", null).body()).isEqualTo("ok");
    }

    @Test
    void theStandaloneConsoleHasTheApplicationBound() throws Exception {
        HttpResponse<String> page = server.get("/console", "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-standalone=\"on\"", "id=\"standalone-console\"");
        String pageSecret = attribute(page.body(), "data-secret");
        HttpResponse<String> answer = debugger.post("eval", pageSecret, cookie, fields("code", "app != null"));
        assertThat(answer.body()).contains("<pre class=\"eval-value\">true</pre>");
    }

    @Test
    void theStandaloneConsolesAppHasItsRealTypeNotObject() throws Exception {
        String pageSecret = attribute(server.get("/console", "text/html").body(), "data-secret");

        // A list of app's type refuses an Object: it would take one if app were bound as Object.
        HttpResponse<String> answer = debugger.post("eval", pageSecret, cookie,
                fields("code", "new java.util.ArrayList<>(java.util.List.of(app)).add(new Object())"));

        assertThat(answer.body()).contains("eval-error", "java.lang.Object cannot be converted to")
                .doesNotContain("cannot be converted to java.lang.Object");
    }

    @Test
    void evalNeedsThePinsCookieAndTheSecret() throws Exception {
        String page = server.get("/boom", "text/html").body();
        Map<String, String> form = fields("tb", attribute(page, "data-traceback"), "frame", attribute(page, "data-focus"),
                "code", "quantity");

        HttpResponse<String> noCookie = debugger.post("eval", secret, null, form);
        HttpResponse<String> forged = debugger.post("eval", secret,
                cookie.substring(0, cookie.indexOf('=')) + "=" + (System.currentTimeMillis() / 1000) + "|forgedforged", form);
        HttpResponse<String> wrongSecret = debugger.post("eval", "x" + secret, cookie, form);
        HttpResponse<String> noSecret = debugger.post("eval", null, cookie, form);

        assertThat(noCookie.statusCode()).isEqualTo(401);
        assertThat(noCookie.body()).isEqualTo("{\"auth\": false}");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.statusCode()).isEqualTo(403);
        assertThat(noSecret.statusCode()).isEqualTo(403);
        assertThat(server.get("/__debugger__/eval?s=" + secret + "&code=1", null).statusCode()).isEqualTo(405);
    }

    @Test
    void anUnknownTracebackOrFrameIsSaidToBeGone() throws Exception {
        HttpResponse<String> answer = debugger.post("eval", secret, cookie, fields("tb", "0123456789ab", "frame", "0",
                "code", "1"));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("That traceback or frame is gone");
    }

    // ------------------------------------------------------------ a frame's console is the frame's code

    /** The value {@code code} gives in the innermost application frame of {@code path}'s failure. */
    private String valueIn(String path, String code) throws Exception {
        String page = server.get(path, "text/html").body();
        return eval(page, attribute(page, "data-focus"), code).body();
    }

    private static String value(String rendered) {
        return "<pre class=\"eval-value\">" + rendered.replace("\"", "&#34;") + "</pre>";
    }

    @Test
    void aMethodFrameReachesThisFieldsOfEveryKindStaticsAndNestedTypes() throws Exception {
        assertThat(valueIn("/frames/pick", "wanted + found.get(0)")).as("locals keep generic types").contains(value("13"));
        assertThat(valueIn("/frames/pick", "bins.get(bin).get(1) + 1")).as("a private generic field").contains(value("21"));
        assertThat(valueIn("/frames/pick", "this.count")).contains(value("5"));
        assertThat(valueIn("/frames/pick", "self.count + count")).contains(value("10"));
        assertThat(valueIn("/frames/pick", "city + docks")).as("inherited fields").contains(value("\"Lyon4\""));
        assertThat(valueIn("/frames/pick", "motto() + opened")).as("private static method, static field")
                .contains(value("\"ship it1\""));
        assertThat(valueIn("/frames/pick", "new Crate(3).weight")).as("a private nested class by simple name")
                .contains(value("3"));
        assertThat(valueIn("/frames/pick", "Kind.FROZEN.ordinal() + new Slot(\"x\", 1).level()"))
                .contains(value("2"));
    }

    @Test
    void lambdaConstructorInnerRecordAndEnumFrames() throws Exception {
        assertThat(valueIn("/frames/lambda", "bin + inLambda + motto()")).contains(value("\"b7ship it\""));
        assertThat(valueIn("/frames/constructor", "seed + \" \" + doubled + \" \" + this.count"))
                .contains(value("\"4 8 8\""));
        assertThat(valueIn("/frames/inner", "name + step + opened + new Crate(5).weight"))
                .contains(value("\"picker-1215\""));
        assertThat(valueIn("/frames/inner", "bins.get(\"a\").get(0) + docks + \"\" + (Warehouse.this == Warehouse.SHARED)"))
                .as("the enclosing instance's fields, unqualified and as Warehouse.this")
                .contains(value("\"14true\""));
        assertThat(valueIn("/frames/record", "prefix + bin + level + this.bin()")).contains(value("\"slot-c2c\""));
        assertThat(valueIn("/frames/enum", "days + name() + FRESH.ordinal()")).contains(value("\"30FROZEN0\""));
    }

    @Test
    void helpListsWhatTheFramesCodeMayUse() throws Exception {
        assertThat(valueIn("/frames/pick", "help(self)")).contains("bins", "int count", "java.lang.String state()",
                "java.lang.String city");
    }

    @Test
    void mutationsThroughMethodsAndFieldAssignmentsReachTheLiveObject() throws Exception {
        String page = server.get("/frames/pick", "text/html").body();
        String focus = attribute(page, "data-focus");

        assertThat(eval(page, focus, "bins.get(\"a\").add(77)").body()).doesNotContain("eval-error");
        assertThat(eval(page, focus, "this.count = 42").body()).contains(value("42"));
        assertThat(server.get("/frames/state", null).body()).contains("count=42", "77");
        HttpResponse<String> local = eval(page, focus, "wanted = 9");
        assertThat(local.body()).contains(value("9"));
        assertThat(eval(page, focus, "wanted * 2").body()).as("the console's copy").contains(value("18"));
        eval(page, focus, "count = 5");
        assertThat(server.get("/frames/state", null).body()).contains("count=5");
    }

    @Test
    void declarationsPersistAcrossInputs() throws Exception {
        String page = server.get("/frames/pick", "text/html").body();
        String focus = attribute(page, "data-focus");

        assertThat(eval(page, focus, "int x = 2;").body()).doesNotContain("eval-error");
        assertThat(eval(page, focus, "x * wanted").body()).contains(value("6"));
        assertThat(eval(page, focus, "int heavier(int by) { return count + by; }").body()).doesNotContain("eval-error");
        assertThat(eval(page, focus, "heavier(x)").body()).contains(value("7"));
        assertThat(eval(page, focus, "record Pair(String bin, int n) { }").body()).doesNotContain("eval-error");
        assertThat(eval(page, focus, "new Pair(bin, x).n() + new Pair(\"q\", 1).bin()").body()).contains(value("\"2q\""));
    }

    @Test
    void inputsGetNoMoreAccessThanTheFramesOwnCode() throws Exception {
        assertThat(valueIn("/frames/pick", "new ContractFailures.Orders().stock"))
                .as("another class's private field").contains("eval-error", "stock has private access");
        assertThat(valueIn("/frames/pick", "io.runserverplus.core.debugger.EvalCommand.STANDALONE"))
                .as("the debugger's own package-private state").contains("eval-error", "not public");
    }

    private HttpResponse<String> eval(String page, String frame, String code) throws Exception {
        return debugger.post("eval", secret, cookie,
                fields("tb", attribute(page, "data-traceback"), "frame", frame, "code", code));
    }

    /** The HTML of one frame's list item. */
    private static String frameHtml(String page, String frameId) {
        int start = page.indexOf("id=\"frame-" + frameId + "\"");
        assertThat(start).as("frame %s on the page", frameId).isPositive();
        return page.substring(start, page.indexOf("</li>", start));
    }
}
