package io.runserverplus.contract;

import static io.runserverplus.contract.DebuggerClient.attribute;
import static io.runserverplus.contract.DebuggerClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.WebApp;
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

    /**
     * Shorter than the default 10 s, so the stuck-snippet case does not hold the build up; long enough
     * for JShell to compile a snippet with lambdas on a busy machine (2 s was not).
     */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(5);

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
    void aValueWhoseToStringHangsIsSaidToTakeTooLongAndThePageComesAtOnce() throws Exception {
        String tooLong = "toString() took too long (io.runserverplus.contract.ContractFailures$SlowToString)";
        // The toString() returns only once the test releases it: both answers come while it still blocks.
        ContractFailures.SlowToString.hold();
        String page;
        String json;
        try {
            page = server.get("/slow-value", "text/html").body();
            json = server.get("/slow-value", "application/json").body();
        } finally {
            ContractFailures.SlowToString.release();
        }

        assertThat(page).contains("<td class=\"var-name\">sleepy</td>", "<pre>&lt;" + tooLong + "&gt;</pre>");
        assertThat(json).contains("{\"name\":\"sleepy\",\"type\":\"java.lang.Object\",\"value\":\"<" + tooLong + ">\"}");
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
        SnippetGate.reset();

        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return eval(page, focus, SnippetGate.class.getName() + ".runUntilServed()");
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        });
        assertThat(SnippetGate.awaitRunning()).as("the snippet runs").isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(server.get("/ok", null).body()).isEqualTo("ok");
        }
        SnippetGate.served();
        assertThat(waiting.get().body()).as("the requests were served while the snippet ran")
                .contains(SnippetGate.SERVED).doesNotContain("class=\"eval timeout\"");

        HttpResponse<String> answer = eval(page, focus, "while (true) { }");

        assertThat(answer.body()).contains("class=\"eval timeout\"", "Stopped: the evaluation ran longer than " + TIME_LIMIT.toSeconds() + " s.");
        assertThat(eval(page, focus, "quantity").body()).as("the console still works").contains("<pre class=\"eval-value\">3</pre>");
    }

    @Test
    void systemExitIsRefusedAndTheServerLivesOn() throws Exception {
        String page = server.get("/boom", "text/html").body();

        HttpResponse<String> answer = eval(page, attribute(page, "data-focus"), "System.exit(0)");

        assertThat(answer.body()).contains("class=\"eval refused\"");
        assertThat(server.get("/ok", null).body()).isEqualTo("ok");
    }

    /** The agent's guard, not the source: spellings a text scan misses, and a thread the snippet starts. */
    @Test
    void exitIsRefusedHoweverItIsSpelledAndTheServerLivesOn() throws Exception {
        String page = server.get("/boom", "text/html").body();
        String focus = attribute(page, "data-focus");
        String refused = "may not call System.exit, Runtime.exit or Runtime.halt, which would stop the server.";

        assertThat(eval(page, focus, "System.\\u0065xit(0)").body()).contains("class=\"eval refused\"", refused);
        assertThat(eval(page, focus, "import static java.lang.System.*;").body()).doesNotContain("eval-error");
        assertThat(eval(page, focus, "exit(0)").body()).contains("class=\"eval refused\"", refused);
        assertThat(eval(page, focus, "Runtime.class.getMethod(\"ha\"+\"lt\", int.class).invoke(Runtime.getRuntime(), 7)")
                .body()).contains("class=\"eval refused\"", refused);
        assertThat(server.get("/ok", null).body()).isEqualTo("ok");

        // A thread the snippet starts (its pools too: see CaptureAgentIT); one unit, to compile once.
        String thread = eval(page, focus, "java.util.concurrent.CompletableFuture.supplyAsync(() -> { try { "
                + "System.\\u0065xit(3); return \"ran\"; } catch (SecurityException e) { return e.getMessage(); } }, "
                + "task -> new Thread(task).start()).join().substring(0, 8)").body();
        assertThat(thread).as("the snippet's thread was refused").contains("&#34;Refused:&#34;");
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
        assertThat(RawHttp.send(server.port(), "GET", "/__debugger__/eval?code=1", "localhost:" + server.port(),
                Map.of("X-Debugger-Secret", secret), "").status()).isEqualTo(405);
    }

    @Test
    void anUnknownTracebackOrFrameIsSaidToBeGone() throws Exception {
        HttpResponse<String> answer = debugger.post("eval", secret, cookie, fields("tb", "0123456789ab", "frame", "0",
                "code", "1"));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("That traceback or frame is gone");
    }

    @Test
    void completeAnswersTheCandidatesAtTheCursorAsJson() throws Exception {
        String page = server.get("/boom", "text/html").body();
        Map<String, String> form = fields("tb", attribute(page, "data-traceback"), "frame", attribute(page, "data-focus"),
                "code", "1 + quant", "cursor", "9");

        HttpResponse<String> answer = debugger.post("complete", secret, cookie, form);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(answer.body()).isEqualTo("{\"anchor\":4,\"candidates\":[\"quantity\"]}");
        form.put("cursor", "99");
        HttpResponse<String> beyond = debugger.post("complete", secret, cookie, form);
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(beyond.body()).isEqualTo("{\"error\":\"The cursor must be a position in the code, 0 to 9, not \\\"99\\\".\"}");
    }

    @Test
    void stopEndsTheRunningEvaluationAndSaysSo() throws Exception {
        String page = server.get("/boom", "text/html").body();
        String tb = attribute(page, "data-traceback");
        CompletableFuture<HttpResponse<String>> looping = CompletableFuture.supplyAsync(() -> {
            try {
                return eval(page, attribute(page, "data-focus"), "while (true) { }");
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        });
        // "Eventually": until the evaluation has started, there is nothing to stop.
        HttpResponse<String> stop = debugger.post("stop", secret, cookie, fields("tb", tb));
        while (stop.body().equals("{\"stopped\":false}") && !looping.isDone()) {
            Thread.sleep(20);
            stop = debugger.post("stop", secret, cookie, fields("tb", tb));
        }

        assertThat(stop.statusCode()).isEqualTo(200);
        assertThat(stop.body()).isEqualTo("{\"stopped\":true}");
        assertThat(looping.get().body()).contains("class=\"eval timeout\"", "Stopped on request.");
        assertThat(debugger.post("stop", secret, cookie, fields("tb", tb)).body()).as("nothing runs any more")
                .isEqualTo("{\"stopped\":false}");
        assertThat(debugger.post("stop", secret, cookie, fields()).body()).as("the standalone console")
                .isEqualTo("{\"stopped\":false}");
    }

    @Test
    void expandListsTheFieldsOfThisAndOfAFieldBelowItFromTheLiveObjects() throws Exception {
        String page = server.get("/boom", "text/html").body();
        String tb = attribute(page, "data-traceback");
        String priceFrame = frameIdOf(page, "price");

        HttpResponse<String> orders = debugger.post("expand", secret, cookie, fields("tb", tb, "frame", priceFrame,
                "name", "this", "path", ""));
        HttpResponse<String> stock = debugger.post("expand", secret, cookie, fields("tb", tb, "frame", priceFrame,
                "name", "this", "path", "stock"));

        assertThat(orders.statusCode()).isEqualTo(200);
        assertThat(orders.body()).contains("<tr class=\"field-row depth-1\" data-parent=\"this\"><td class=\"var-name\">stock</td>",
                "<td class=\"var-type\">io.runserverplus.contract.ContractFailures$Stock</td>",
                "data-name=\"this\" data-path=\"stock\"");
        assertThat(stock.body()).contains("data-parent=\"this.stock\"><td class=\"var-name\">onHand</td>",
                "<td class=\"var-type\">int</td><td class=\"var-value\"><pre>2</pre>");
        HttpResponse<String> missing = debugger.post("expand", secret, cookie, fields("tb", tb, "frame", priceFrame,
                "name", "this", "path", "stock.nothing"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("this.stock has no readable field named \"nothing\"; expand the fields"
                + " the table lists.\n");
    }

    @Test
    void aFieldTheJvmWillNotLetUsReadSaysWhy() throws Exception {
        String page = server.get("/basket/checkout", "text/html").body();

        HttpResponse<String> items = debugger.post("expand", secret, cookie, fields("tb", attribute(page, "data-traceback"),
                "frame", attribute(page, "data-focus"), "name", "basket", "path", "items"));

        assertThat(items.statusCode()).isEqualTo(200);
        assertThat(items.body()).contains("<td class=\"var-name\">array</td>", "<pre class=\"unreadable\">cannot be read: ",
                "java.util.concurrent");
    }

    @Test
    void theConsolePanesCommandsAreGuardedLikeEval() throws Exception {
        String page = server.get("/boom", "text/html").body();
        Map<String, String> form = fields("tb", attribute(page, "data-traceback"), "frame", attribute(page, "data-focus"),
                "code", "q", "cursor", "1", "name", "this", "path", "");
        for (String command : java.util.List.of("complete", "stop", "expand")) {
            HttpResponse<String> noCookie = debugger.post(command, secret, null, form);
            HttpResponse<String> noSecret = debugger.post(command, null, cookie, form);
            RawHttp.Response get = RawHttp.send(server.port(), "GET", "/__debugger__/" + command,
                    "127.0.0.1:" + server.port(), Map.of("X-Debugger-Secret", secret, "Cookie", cookie), "");
            RawHttp.Response hostile = RawHttp.send(server.port(), "POST", "/__debugger__/" + command,
                    "evil.example", Map.of("X-Debugger-Secret", secret, "Cookie", cookie,
                            "Content-Type", "application/x-www-form-urlencoded"),
                    "code=q&cursor=1");

            assertThat(noCookie.statusCode()).as(command).isEqualTo(401);
            assertThat(noCookie.body()).as(command).isEqualTo("{\"auth\": false}");
            assertThat(noSecret.statusCode()).as(command).isEqualTo(403);
            assertThat(get.status()).as(command).isEqualTo(405);
            assertThat(get.head()).as(command).containsIgnoringCase("\nAllow: POST");
            assertThat(hostile.status()).as(command).isEqualTo(400);
        }
    }

    /** The id of the application frame of method {@code method} on the page. */
    private static String frameIdOf(String page, String method) {
        java.util.regex.Matcher frame = java.util.regex.Pattern.compile("id=\"frame-(\\d+)\">\\n<div class=\"frame-head\"[^>]*>"
                + PageHtml.DISCLOSURE + "<span class=\"at\">at</span> <span class=\"class\">[^<]*</span>\\.<span class=\"method\">"
                + method + "</span>").matcher(PageHtml.withoutWordBreaks(page));
        assertThat(frame.find()).as("a frame of %s on the page", method).isTrue();
        return frame.group(1);
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
        assertThat(valueIn("/frames/pick", "io.runserverplus.core.debugger.ConsoleTarget.STANDALONE"))
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
