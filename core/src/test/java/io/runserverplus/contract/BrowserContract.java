package io.runserverplus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runserverplus.spi.WebApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The traceback page as a person sees it, in a real Chromium, for every adapter. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserContract {

    private ContractServer server;
    private Browser browser;

    protected abstract WebApp app(Map<String, ContractRoute> routes, Map<String, StreamingRoute> streams);

    @BeforeAll
    void start() throws Exception {
        browser = Browser.open();
        server = new ContractServer(app(ContractRoutes.standard(), ContractRoutes.streaming()));
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void thePageLoadsWithoutConsoleErrorsAndScrollsTheInnermostApplicationFrameIntoView() {
        ChromeDriver driver = open("/chain");

        // The page itself answers 500, which Chromium notes; anything else (a script error, a
        // missing asset, a CSP violation) is a defect of the page.
        String ownStatus = server.url("/chain") + " - Failed to load resource: the server responded with a status of 500";
        List<LogEntry> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .filter(entry -> !entry.getMessage().startsWith(ownStatus))
                .toList();
        assertThat(problems).as("browser console").isEmpty();
        WebElement focus = driver.findElement(By.cssSelector("li.frame.focus"));
        assertThat(focus.getText()).contains("ContractFailures.openFile");
        Boolean inViewport = (Boolean) driver.executeScript(
                "var r = arguments[0].getBoundingClientRect();"
                        + " return r.top >= 0 && r.bottom <= window.innerHeight;", focus);
        assertThat(inViewport).as("focus frame inside the viewport").isTrue();
        Number scrolled = (Number) driver.executeScript("return window.scrollY;");
        assertThat(scrolled.doubleValue()).as("the page scrolled down to the root cause").isPositive();
        assertThat(focus.findElement(By.cssSelector(".source")).isDisplayed()).isTrue();
    }

    @Test
    void clickingAFoldedGroupShowsItsFrames() {
        ChromeDriver driver = open("/boom");
        WebElement group = driver.findElement(By.cssSelector("li.frame-group details"));
        WebElement firstHidden = group.findElement(By.cssSelector("li.frame"));
        assertThat(firstHidden.isDisplayed()).isFalse();

        group.findElement(By.tagName("summary")).click();

        assertThat(group.getDomAttribute("open")).isNotNull();
        assertThat(firstHidden.isDisplayed()).isTrue();
    }

    @Test
    void clickingAnApplicationFrameTogglesItsSource() {
        ChromeDriver driver = open("/boom");
        List<WebElement> frames = driver.findElements(By.cssSelector("li.frame.application:not(.focus)"));
        WebElement frame = frames.getFirst();
        assertThat(frame.findElement(By.cssSelector(".source")).isDisplayed()).isFalse();

        frame.findElement(By.cssSelector(".frame-head")).click();

        assertThat(frame.findElement(By.cssSelector(".source")).isDisplayed()).isTrue();
        assertThat(frame.findElement(By.cssSelector("tr.current")).getText()).isNotBlank();
    }

    @Test
    void thePlainTextToggleShowsTheTraceAsJavaPrintsIt() {
        ChromeDriver driver = open("/chain");
        WebElement text = driver.findElement(By.id("plain-text"));
        assertThat(text.isDisplayed()).isFalse();

        WebElement toggle = driver.findElement(By.id("toggle-plain"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", toggle);
        toggle.click();

        assertThat(text.isDisplayed()).isTrue();
        assertThat(text.getText()).startsWith("java.lang.IllegalStateException: startup failed")
                .contains("Caused by: java.io.IOException: settings.toml: no such file");
    }

    /** "view source" opens a new tab by posting the secret (its address does not hold it); its link closes it again. */
    @Test
    void viewSourceOpensTheWholeFileScrolledToTheLine() {
        ChromeDriver driver = open("/boom");
        String secret = driver.findElement(By.tagName("body")).getDomAttribute("data-secret");
        String traceback = driver.getWindowHandle();
        WebElement viewSource = driver.findElement(By.cssSelector("li.frame.focus form.view-source button"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", viewSource);

        viewSource.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        String tab = wait.until(d -> d.getWindowHandles().stream().filter(handle -> !handle.equals(traceback))
                .findFirst().orElse(null));
        driver.switchTo().window(tab);
        try {
            wait.until(d -> !d.findElements(By.cssSelector("tr.line.current")).isEmpty());
            assertThat(driver.getCurrentUrl()).contains("/__debugger__/source?tb=").doesNotContain(secret);
            assertThat(driver.executeScript("return document.referrer;")).as("no Referer").isEqualTo("");
            sourceViewShowsTheLine(driver);
            assertThat(driver.findElement(By.cssSelector("header")).getText()).contains("ContractFailures.java");
            assertThat(driver.findElement(By.cssSelector("link[rel=icon]")).getDomAttribute("href")).contains("favicon.svg");
            assertThat(driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                    .filter(entry -> !entry.getMessage().contains("status of 500"))).as("the source tab's console").isEmpty();

            WebElement back = driver.findElement(By.id("back-to-traceback"));
            assertThat(back.getDomAttribute("href")).as("a link to the failure's page, for a tab opened otherwise")
                    .isEqualTo("/__debugger__/failures/" + driver.getCurrentUrl().replaceAll(".*[?&]tb=([0-9a-f]+).*", "$1"));
            back.click();
            wait.until(d -> d.getWindowHandles().size() == 1);
        } finally {
            if (driver.getWindowHandles().contains(tab)) {
                driver.close();
            }
            driver.switchTo().window(traceback);
        }
        assertThat(driver.findElement(By.cssSelector("li.frame.focus")).isDisplayed()).as("back on the traceback").isTrue();
    }

    private static void sourceViewShowsTheLine(ChromeDriver driver) {
        WebElement current = driver.findElement(By.cssSelector("tr.line.current"));
        assertThat(current.getDomAttribute("id")).isEqualTo("L35");
        Boolean inViewport = (Boolean) driver.executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
                current);
        assertThat(inViewport).isTrue();
        assertThat(driver.findElements(By.cssSelector("tr.line"))).hasSizeGreaterThan(60);
    }

    @Test
    void hostileExceptionMessagesRunNothing() {
        ChromeDriver driver = open("/xss");

        assertThat(driver.executeScript("return window.__xss === undefined;")).isEqualTo(true);
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        // The payload arrived as text: the browser shows it literally instead of parsing it.
        assertThat(driver.findElement(By.cssSelector("header .message")).getText()).isEqualTo(ContractRoutes.XSS_MESSAGE);
        assertThat(driver.findElements(By.cssSelector("img[src=x], svg"))).isEmpty();
        // Copied as Markdown, it is still the text: in a code span, nothing run on the way.
        PageChecks.grantClipboard(driver, server.url(""));
        driver.findElement(By.id("copy-markdown")).click();
        waitFor(driver).until(d -> PageChecks.clipboard(driver).contains(ContractRoutes.XSS_MESSAGE));
        assertThat(PageChecks.clipboard(driver)).contains(": " + ContractRoutes.XSS_MESSAGE + "`\n");
        assertThat(driver.executeScript("return window.__xss === undefined;")).isEqualTo(true);
    }

    /**
     * The console as a person meets it: the icon asks for the PIN, a wrong one is said to be wrong,
     * the right one opens the console, an expression shows its value, dump() the variables, Up and
     * Down walk the history, and after a reload the cookie opens the console directly.
     */
    @Test
    void theConsoleIconAsksForThePinOnceAndThenOpensTheConsole() {
        ChromeDriver driver = open("/boom");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        WebElement icon = driver.findElement(By.cssSelector("li.frame.application button.console-icon"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", icon);
        icon.click();

        WebElement dialog = driver.findElement(By.id("pin-dialog"));
        wait.until(d -> dialog.isDisplayed());
        assertThat(dialog.getText()).contains("printed on the terminal where the server runs");
        WebElement input = driver.findElement(By.id("pin-input"));
        input.sendKeys("000-000-000");
        driver.findElement(By.id("pin-submit")).click();
        wait.until(d -> "Wrong PIN.".equals(d.findElement(By.id("pin-message")).getText()));

        input.clear();
        input.sendKeys(ContractServer.PIN);
        driver.findElement(By.id("pin-submit")).click();
        wait.until(d -> !dialog.isDisplayed());
        WebElement frame = icon.findElement(By.xpath("ancestor::li[contains(@class, 'frame')][1]"));
        WebElement pane = wait.until(d -> frame.findElement(By.cssSelector(".console-pane")));
        WebElement output = pane.findElement(By.cssSelector(".console-output"));
        assertThat(output.getText()).startsWith("[console ready]");
        assertThat(pane.getText()).contains("assigning a variable changes only the console's copy");

        WebElement code = pane.findElement(By.cssSelector(".console-input"));
        code.sendKeys("quantity * 7", Keys.ENTER);
        wait.until(d -> output.findElements(By.cssSelector(".eval-value")).stream().anyMatch(v -> v.getText().equals("21")));
        assertThat(output.getText()).contains(">>> quantity * 7");
        wait.until(d -> code.isEnabled());
        code.sendKeys("dump()", Keys.ENTER);
        wait.until(d -> output.findElements(By.cssSelector(".eval-output")).stream().anyMatch(v -> v.getText().contains("quantity")));
        code.sendKeys(Keys.ARROW_UP);
        code.sendKeys(Keys.ARROW_UP);
        assertThat(code.getDomProperty("value")).as("history, two back").isEqualTo("quantity * 7");
        code.sendKeys(Keys.ARROW_DOWN);
        assertThat(code.getDomProperty("value")).as("history, one forward").isEqualTo("dump()");

        driver.navigate().refresh();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
        WebElement again = driver.findElement(By.cssSelector("li.frame.application button.console-icon"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", again);
        again.click();
        WebElement reopened = again.findElement(By.xpath("ancestor::li[contains(@class, 'frame')][1]"));
        wait.until(d -> !reopened.findElements(By.cssSelector(".console-pane")).isEmpty());
        assertThat(driver.findElement(By.id("pin-dialog")).isDisplayed()).as("no PIN asked after the reload").isFalse();
        assertThat(reopened.findElement(By.cssSelector(".console-output")).getText()).startsWith("[console ready]");
        List<LogEntry> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .filter(entry -> !entry.getMessage().contains("status of 500"))
                .toList();
        assertThat(problems).as("browser console (CSP violations included)").isEmpty();
    }

    /**
     * The pane opens below the frame's source and variables (the failing line stays where it is),
     * with the focus in its input; the icon closes and reopens it, Esc closes it and gives the focus
     * back to the icon; a console opened on a collapsed frame opens the frame.
     */
    @Test
    void theConsolePaneOpensBelowTheSourceAndTheIconOrEscCloseIt() {
        ChromeDriver driver = open("/boom");
        WebElement frame = driver.findElement(By.cssSelector("li.frame.focus"));
        WebElement failing = frame.findElement(By.cssSelector("tr.line.current"));
        double lineBefore = pageTop(driver, failing);

        WebElement pane = openConsoleIn(driver, frame);

        assertThat(pageTop(driver, failing)).as("the failing line did not move").isEqualTo(lineBefore);
        assertThat(inViewport(driver, failing)).as("the failing line stays on screen").isTrue();
        assertThat(pageTop(driver, pane)).as("below the variables")
                .isGreaterThanOrEqualTo(pageBottom(driver, frame.findElement(By.cssSelector("details.locals"))));
        WebElement input = pane.findElement(By.cssSelector("textarea.console-input"));
        assertThat(driver.switchTo().activeElement()).isEqualTo(input);
        assertThat(pane.getText()).contains("dump(x)", "help(x)");

        WebElement icon = frame.findElement(By.cssSelector("button.console-icon"));
        icon.click();
        assertThat(pane.isDisplayed()).as("the icon closes it").isFalse();
        icon.click();
        assertThat(pane.isDisplayed()).as("and opens it again").isTrue();
        input.sendKeys(Keys.ESCAPE);
        assertThat(pane.isDisplayed()).as("Esc closes it").isFalse();
        assertThat(driver.switchTo().activeElement()).isEqualTo(icon);

        WebElement collapsed = applicationFrame(driver, "price");
        assertThat(collapsed.findElement(By.cssSelector(".source")).isDisplayed()).isFalse();
        openConsoleIn(driver, collapsed);
        assertThat(collapsed.findElement(By.cssSelector(".source")).isDisplayed()).as("the frame opened").isTrue();
    }

    /** A pasted block keeps its lines and grows the input; Shift+Enter adds a line; Enter runs the whole input. */
    @Test
    void aMultiLinePasteKeepsItsNewlinesAndEnterRunsItWhole() {
        ChromeDriver driver = open("/boom");
        WebElement pane = openConsoleIn(driver, driver.findElement(By.cssSelector("li.frame.focus")));
        WebElement input = pane.findElement(By.cssSelector("textarea.console-input"));
        int oneLine = input.getRect().getHeight();

        // What the browser does with a paste: text inserted as typed, newlines and all, without key presses.
        driver.executeCdpCommand("Input.insertText", Map.of("text", "int twice(int x) {\n    return 2 * x;\n}\ntwice(quantity)"));

        assertThat(input.getDomProperty("value")).isEqualTo("int twice(int x) {\n    return 2 * x;\n}\ntwice(quantity)");
        assertThat(input.getDomProperty("rows")).isEqualTo("4");
        assertThat(input.getRect().getHeight()).as("the input grew to show the lines").isGreaterThan(3 * oneLine);
        input.sendKeys(Keys.ENTER);
        WebElement output = pane.findElement(By.cssSelector(".console-output"));
        waitFor(driver).until(d -> values(output).contains("6"));
        assertThat(output.findElement(By.cssSelector(".eval-input")).getText())
                .isEqualTo(">>> int twice(int x) {\n...     return 2 * x;\n... }\n... twice(quantity)");

        input.sendKeys("int a = 4;", Keys.chord(Keys.SHIFT, Keys.ENTER), "a * 2");
        assertThat(input.getDomProperty("value")).isEqualTo("int a = 4;\na * 2");
        assertThat(output.findElements(By.cssSelector(".eval"))).as("Shift+Enter ran nothing").hasSize(1);
        input.sendKeys(Keys.ENTER);
        waitFor(driver).until(d -> values(output).contains("8"));
    }

    /** The input is echoed at once with "running…" and a Stop control, which ends the loop (not the time limit). */
    @Test
    void stopEndsARunningLoop() {
        ChromeDriver driver = open("/boom");
        WebElement pane = openConsoleIn(driver, driver.findElement(By.cssSelector("li.frame.focus")));
        WebElement output = pane.findElement(By.cssSelector(".console-output"));

        pane.findElement(By.cssSelector("textarea.console-input")).sendKeys("while (true) { }", Keys.ENTER);

        WebElement pending = waitFor(driver).until(d -> output.findElement(By.cssSelector(".eval.pending")));
        assertThat(pending.findElement(By.cssSelector(".eval-input")).getText()).isEqualTo(">>> while (true) { }");
        assertThat(pending.findElement(By.cssSelector(".eval-running")).getText()).startsWith("running\u2026");
        pending.findElement(By.cssSelector("button.console-stop")).click();
        WebElement stopped = new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> output.findElement(By.cssSelector(".eval.timeout .eval-error")));
        assertThat(stopped.getText()).isEqualTo("Stopped on request.");
        assertThat(output.findElements(By.cssSelector(".eval.pending, .eval-running"))).isEmpty();
    }

    /** A long value shows its start and a control that shows all of it in place; each value has a Copy control. */
    @Test
    void aLongValueIsFoldedAndExpandsInPlace() {
        ChromeDriver driver = open("/boom");
        WebElement pane = openConsoleIn(driver, driver.findElement(By.cssSelector("li.frame.focus")));
        WebElement output = pane.findElement(By.cssSelector(".console-output"));

        pane.findElement(By.cssSelector("textarea.console-input")).sendKeys("\"ab\".repeat(500)", Keys.ENTER);

        WebElement value = waitFor(driver).until(d -> output.findElement(By.cssSelector(".eval-value")));
        assertThat(value.getText()).hasSizeLessThan(300).startsWith("\"abab").endsWith("\u2026");
        WebElement more = output.findElement(By.cssSelector("button.value-more"));
        assertThat(more.getText()).isEqualTo("show all (1002 chars)");
        assertThat(output.findElements(By.cssSelector("button.value-copy"))).hasSize(1);
        more.click();
        assertThat(value.getText()).isEqualTo("\"" + "ab".repeat(500) + "\"");
        assertThat(more.getText()).isEqualTo("show less");
    }

    /** Tab asks the server: one candidate is inserted; several are listed, chosen with the keys or a click. */
    @Test
    void tabCompletesNames() {
        ChromeDriver driver = open("/boom");
        WebElement pane = openConsoleIn(driver, driver.findElement(By.cssSelector("li.frame.focus")));
        WebElement input = pane.findElement(By.cssSelector("textarea.console-input"));
        WebElement list = pane.findElement(By.cssSelector(".console-completions"));

        input.sendKeys("quant", Keys.TAB);
        waitFor(driver).until(d -> "quantity".equals(input.getDomProperty("value")));
        assertThat(driver.switchTo().activeElement()).as("Tab completed instead of moving on").isEqualTo(input);

        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys("ex.get", Keys.TAB);
        waitFor(driver).until(d -> list.isDisplayed());
        List<String> offered = list.findElements(By.cssSelector("li[role=option]")).stream().map(WebElement::getText).toList();
        assertThat(offered).contains("getMessage()", "getCause()");
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        assertThat(input.getDomProperty("value")).isEqualTo("ex." + offered.get(1));
        assertThat(list.isDisplayed()).isFalse();

        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys("ex.get", Keys.TAB);
        waitFor(driver).until(d -> list.isDisplayed());
        list.findElements(By.cssSelector("li[role=option]")).stream()
                .filter(option -> option.getText().equals("getMessage()")).findFirst().orElseThrow().click();
        assertThat(input.getDomProperty("value")).isEqualTo("ex.getMessage()");
        input.sendKeys(Keys.ENTER);
        waitFor(driver).until(d -> values(pane).contains("\"only 2 on hand, 3 wanted\""));
    }

    @Test
    void theClearControlAndCtrlLClearTheOutput() {
        ChromeDriver driver = open("/boom");
        WebElement pane = openConsoleIn(driver, driver.findElement(By.cssSelector("li.frame.focus")));
        WebElement output = pane.findElement(By.cssSelector(".console-output"));
        WebElement input = pane.findElement(By.cssSelector("textarea.console-input"));
        input.sendKeys("1 + 1", Keys.ENTER);
        waitFor(driver).until(d -> values(output).contains("2"));

        pane.findElement(By.cssSelector("button.console-clear")).click();

        assertThat(output.getText()).isEmpty();
        input.sendKeys("2 + 2", Keys.ENTER);
        waitFor(driver).until(d -> values(output).contains("4"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "l"));
        assertThat(output.getText()).isEmpty();
    }

    /** The this row expands to its fields, and a field holding an object to its own, one level at a time. */
    @Test
    void theThisRowExpandsToItsFieldsOnDemand() {
        ChromeDriver driver = open("/boom");
        WebElement frame = applicationFrame(driver, "price");
        WebElement variables = frame.findElement(By.cssSelector("details.locals"));
        variables.findElement(By.tagName("summary")).click();
        WebElement thisRow = variables.findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.getText().startsWith("this (self)")).findFirst().orElseThrow();

        thisRow.findElement(By.cssSelector("button.expand-fields")).click();
        pinIfAsked(driver, d -> !variables.findElements(By.cssSelector("tr.field-row")).isEmpty());

        WebElement stock = waitFor(driver).until(d -> variables.findElement(By.cssSelector("tr.field-row")));
        assertThat(stock.findElement(By.cssSelector(".var-name")).getText()).isEqualTo("stock");
        assertThat(stock.findElement(By.cssSelector(".var-type")).getText()).isEqualTo("io.runserverplus.contract.ContractFailures$Stock");
        stock.findElement(By.cssSelector("button.expand-fields")).click();
        WebElement onHand = waitFor(driver).until(d -> variables.findElement(By.cssSelector("tr.field-row.depth-2")));
        assertThat(onHand.getText()).startsWith("onHand").contains("int").endsWith("2");
        assertThat(variables.findElements(By.cssSelector("tr.field-row"))).hasSize(2);

        thisRow.findElement(By.cssSelector("button.expand-fields")).click();
        assertThat(variables.findElements(By.cssSelector("tr.field-row"))).as("folded again").isEmpty();
    }

    /**
     * With the pane open, a value folded and a row expanded: every control is at least 24 px wide and
     * high, and Tab goes through them in the order they are on the screen.
     */
    @Test
    void everyControlIsAtLeast24PxAndTheTabOrderFollowsTheScreen() {
        ChromeDriver driver = open("/boom");
        WebElement frame = driver.findElement(By.cssSelector("li.frame.focus"));
        WebElement pane = openConsoleIn(driver, frame);
        pane.findElement(By.cssSelector("textarea.console-input")).sendKeys("\"ab\".repeat(500)", Keys.ENTER);
        waitFor(driver).until(d -> pane.findElement(By.cssSelector("button.value-more")));
        frame.findElement(By.cssSelector("button.expand-fields")).click();
        waitFor(driver).until(d -> frame.findElement(By.cssSelector("tr.field-row")));

        assertThat(PageChecks.controlProblems(driver)).isEmpty();
    }

    /** The standalone console's pane is the same: it evaluates with app bound, and Stop stops it. */
    @Test
    void theStandaloneConsoleEvaluatesAndStops() {
        ChromeDriver driver = open("/console");
        WebElement frame = driver.findElement(By.id("standalone-console"));
        pinIfAsked(driver, d -> !frame.findElements(By.cssSelector(".console-pane")).isEmpty());
        WebElement pane = waitFor(driver).until(d -> frame.findElement(By.cssSelector(".console-pane")));
        WebElement input = pane.findElement(By.cssSelector("textarea.console-input"));
        WebElement output = pane.findElement(By.cssSelector(".console-output"));
        assertThat(pane.getText()).contains("app is the running application");

        input.sendKeys("app != null", Keys.ENTER);
        waitFor(driver).until(d -> values(output).contains("true"));
        input.sendKeys("while (true) { }", Keys.ENTER);
        waitFor(driver).until(d -> output.findElement(By.cssSelector(".eval.pending button.console-stop"))).click();

        WebElement stopped = new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> output.findElement(By.cssSelector(".eval.timeout .eval-error")));
        assertThat(stopped.getText()).isEqualTo("Stopped on request.");
    }

    /**
     * The summary names the exception, its message, the root cause and the request, stays on screen
     * when the page scrolls, and its two buttons put the trace on the clipboard: as Java prints it,
     * and as Markdown for an issue or a chat (the exception line, then the trace in a fence).
     */
    @Test
    void theSummaryStaysInViewAndCopiesTheTraceAsTextAndAsMarkdown() {
        ChromeDriver driver = open("/chain");
        PageChecks.grantClipboard(driver, server.url(""));
        WebElement summary = driver.findElement(By.cssSelector("header.summary"));
        assertThat(summary.findElement(By.tagName("h1")).getText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(summary.findElement(By.cssSelector(".message")).getText()).isEqualTo("startup failed");
        assertThat(summary.findElement(By.cssSelector(".root-cause")).getText())
                .isEqualTo("Root cause: java.io.IOException: settings.toml: no such file");
        assertThat(summary.findElement(By.cssSelector(".request")).getText()).isEqualTo("GET /chain");

        driver.executeScript("window.scrollTo(0, document.body.scrollHeight);");
        assertThat(inViewport(driver, summary.findElement(By.tagName("h1")))).as("in view at the bottom").isTrue();
        String plain = (String) driver.executeScript("return document.getElementById('plain-text').textContent;");

        summary.findElement(By.id("copy-text")).click();
        waitFor(driver).until(d -> PageChecks.clipboard(driver).equals(plain));
        assertThat(summary.findElement(By.id("summary-status")).getText()).isEqualTo("Copied as text.");

        summary.findElement(By.id("copy-markdown")).click();
        waitFor(driver).until(d -> PageChecks.clipboard(driver).startsWith("`java.lang.IllegalStateException"));
        assertThat(PageChecks.clipboard(driver)).isEqualTo("`java.lang.IllegalStateException: startup failed`\n\n"
                + "Root cause: `java.io.IOException: settings.toml: no such file`  \nRequest: `GET /chain`\n\n"
                + "```text\n" + plain.stripTrailing() + "\n```\n");
    }

    /** The focused frame is brought into view below the summary, whose exception name stays readable. */
    @Test
    void autoScrollKeepsTheExceptionNameInViewAtSevenHundredPixels() {
        for (int width : new int[] {1200, 700}) {
            PageChecks.emulateSize(driver(), width, 700);
            ChromeDriver driver = open("/chain");
            WebElement name = driver.findElement(By.cssSelector("header.summary h1"));
            WebElement head = driver.findElement(By.cssSelector("li.frame.focus .frame-head"));

            assertThat(((Number) driver.executeScript("return window.scrollY;")).doubleValue()).as("scrolled").isPositive();
            assertThat(inViewport(driver, name)).as("the exception's name at " + width + " px").isTrue();
            assertThat(driver.executeScript("var r = arguments[0].getBoundingClientRect();"
                    + " return arguments[0].contains(document.elementFromPoint(r.left + 4, r.top + r.height / 2));", name))
                    .as("nothing covers the exception's name at " + width + " px").isEqualTo(true);
            assertThat(inViewport(driver, head)).as("the focused frame at " + width + " px").isTrue();
            assertThat(driver.executeScript("return arguments[0].getBoundingClientRect().top"
                    + " >= document.querySelector('header.summary').getBoundingClientRect().bottom;", head))
                    .as("the focused frame is not under the summary at " + width + " px").isEqualTo(true);
        }
    }

    /** Long names wrap at their dots, never inside a word; the summary and the frames too. */
    @Test
    void narrowWindowsBreakNamesAtDotsNotInsideWords() {
        for (int width : new int[] {700, 420}) {
            PageChecks.emulateSize(driver(), width, 700);
            ChromeDriver driver = open("/chain");
            driver.findElements(By.cssSelector("li.frame-group summary")).forEach(summary ->
                    driver.executeScript("arguments[0].click();", summary));

            assertThat(PageChecks.splitIdentifiers(driver, "header.summary h1, header.summary p, .frame-head,"
                    + " section.throwable h3, td.var-type")).as("words split at " + width + " px").isEmpty();
            assertThat(driver.executeScript("return getComputedStyle(document.querySelector('.frame-head')).wordBreak;"))
                    .isNotEqualTo("break-all");
        }
    }

    /** Dark colours when the system asks for them, with text that stays readable on them. */
    @Test
    void theDarkThemeFollowsTheSystemSetting() {
        PageChecks.emulateDarkMode(driver());
        ChromeDriver driver = open("/boom");

        assertThat(PageChecks.backgroundLuminance(driver, "body")).as("a dark page").isLessThan(0.05);
        assertThat(PageChecks.backgroundLuminance(driver, "header.summary")).as("a dark summary").isLessThan(0.05);
        for (String text : List.of("header.summary h1", "header.summary .message", "li.frame.application .frame-head .class",
                "li.frame.application .method", "li.frame.focus tr.line.current td.code", "li.frame.focus .tok-keyword",
                "#copy-text", "button.disclosure", "li.frame-group summary", "footer")) {
            assertThat(PageChecks.contrast(driver, text)).as("contrast of " + text).isGreaterThanOrEqualTo(4.5);
        }
    }

    /**
     * A collapsed application frame shows the line it was on and a button that opens it; the message
     * is said once, and the note on when variables were read once for the page.
     */
    @Test
    void collapsedFramesShowTheirLineAndADisclosureButton() {
        ChromeDriver driver = open("/boom");
        WebElement frame = applicationFrame(driver, "place");
        WebElement disclosure = frame.findElement(By.cssSelector("button.disclosure"));
        WebElement line = frame.findElement(By.cssSelector(".current-line"));
        assertThat(line.isDisplayed()).isTrue();
        assertThat(line.getText()).isEqualTo("long cents = price(quantity);");
        assertThat(disclosure.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(disclosure.getRect().getHeight()).isGreaterThanOrEqualTo(24);

        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", disclosure);
        disclosure.click();

        assertThat(disclosure.getDomAttribute("aria-expanded")).isEqualTo("true");
        assertThat(frame.findElement(By.cssSelector(".source")).isDisplayed()).isTrue();
        String visible = (String) driver.executeScript("return document.body.innerText;");
        assertThat(visible.split("only 2 on hand, 3 wanted", -1)).as("the message, once").hasSize(2);
        assertThat(visible.split("finally blocks", -1)).as("the note on finally blocks, once").hasSize(2);
    }

    /** At 700 px with the frames collapsed, controls keep their size and Tab follows the screen. */
    @Test
    void atSevenHundredPixelsControlsAreAtLeast24PxInScreenOrder() {
        PageChecks.emulateSize(driver(), 700, 700);
        ChromeDriver driver = open("/chain");

        assertThat(PageChecks.controlProblems(driver)).isEmpty();
    }

    /** The standalone console is no failure: neutral colours, its own words, and a way back after Cancel. */
    @Test
    void theStandaloneConsoleLooksNeutralAndOffersThePinAgainAfterCancel() {
        ChromeDriver driver = open("/boom");
        String failureRed = (String) driver.executeScript("return getComputedStyle(document.querySelector('header h1')).color;");
        open("/console");
        WebElement header = driver.findElement(By.cssSelector("header.console-header"));
        assertThat(header.findElement(By.tagName("h1")).getCssValue("color")).isNotEqualTo(failureRed);
        assertThat(header.getCssValue("border-bottom-color")).isNotEqualTo(failureRed);
        assertThat(driver.findElement(By.tagName("footer")).getText()).doesNotContain("caught");
        WebElement dialog = driver.findElement(By.id("pin-dialog"));
        waitFor(driver).until(d -> dialog.isDisplayed());

        driver.findElement(By.id("pin-cancel")).click();

        WebElement locked = driver.findElement(By.id("console-locked"));
        waitFor(driver).until(d -> locked.isDisplayed());
        assertThat(locked.getText()).contains("locked", "PIN");
        locked.findElement(By.tagName("button")).click();
        waitFor(driver).until(d -> dialog.isDisplayed());
        driver.findElement(By.id("pin-input")).sendKeys(ContractServer.PIN, Keys.ENTER);
        waitFor(driver).until(d -> !driver.findElements(By.cssSelector("#standalone-console .console-pane")).isEmpty());
        assertThat(locked.isDisplayed()).isFalse();
    }

    /** Every debugger page names its icon, which the server has; the browser logs no failed load. */
    @Test
    void everyDebuggerPageHasAFaviconAndNothingFailsToLoad() {
        for (String path : List.of("/boom", "/console")) {
            ChromeDriver driver = open(path);
            String icon = driver.findElement(By.cssSelector("link[rel=icon]")).getDomProperty("href");
            assertThat(driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + " fetch(arguments[0]).then(function (r) { done(r.status + ' ' + r.headers.get('Content-Type')); });", icon))
                    .isEqualTo("200 image/svg+xml");
            List<LogEntry> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                    .filter(entry -> !entry.getMessage().startsWith(server.url(path) + " - Failed to load resource:"
                            + " the server responded with a status of 500"))
                    .toList();
            assertThat(problems).as("browser console on " + path).isEmpty();
        }
    }

    private ChromeDriver driver() {
        return browser.driver();
    }

    @AfterEach
    void forgetThePinsCookie() {
        PageChecks.resetEmulation(browser.driver());
        // Each test meets the PIN dialog, or not, on its own. WebDriver's deleteAllCookies() only
        // reaches cookies the current page sees, and the PIN's cookie has Path=/__debugger__/.
        browser.driver().executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
    }

    /** Opens the console of {@code frame}, typing the PIN if this browser has no cookie yet; returns the pane. */
    private WebElement openConsoleIn(ChromeDriver driver, WebElement frame) {
        WebElement icon = frame.findElement(By.cssSelector("button.console-icon"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", frame.findElement(By.cssSelector(".frame-head")));
        icon.click();
        pinIfAsked(driver, d -> !frame.findElements(By.cssSelector(".console-pane")).isEmpty());
        return waitFor(driver).until(d -> frame.findElement(By.cssSelector(".console-pane")));
    }

    /** Waits for {@code done} or the PIN dialog; types the PIN into the dialog if it came. */
    private void pinIfAsked(ChromeDriver driver, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> done) {
        WebElement dialog = driver.findElement(By.id("pin-dialog"));
        waitFor(driver).until(d -> dialog.isDisplayed() || done.apply(d));
        if (dialog.isDisplayed()) {
            driver.findElement(By.id("pin-input")).sendKeys(ContractServer.PIN, Keys.ENTER);
            waitFor(driver).until(d -> !dialog.isDisplayed());
        }
    }

    private static WebElement applicationFrame(ChromeDriver driver, String method) {
        return driver.findElements(By.cssSelector("li.frame.application")).stream()
                .filter(frame -> frame.findElement(By.cssSelector(".method")).getText().equals(method))
                .findFirst().orElseThrow();
    }

    private static List<String> values(WebElement output) {
        return output.findElements(By.cssSelector(".eval-value")).stream().map(WebElement::getText).toList();
    }

    private static WebDriverWait waitFor(ChromeDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private static double pageTop(ChromeDriver driver, WebElement element) {
        return ((Number) driver.executeScript("return arguments[0].getBoundingClientRect().top + window.scrollY;", element))
                .doubleValue();
    }

    private static double pageBottom(ChromeDriver driver, WebElement element) {
        return ((Number) driver.executeScript("return arguments[0].getBoundingClientRect().bottom + window.scrollY;",
                element)).doubleValue();
    }

    private static boolean inViewport(ChromeDriver driver, WebElement element) {
        return (Boolean) driver.executeScript("var r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight;", element);
    }

    private ChromeDriver open(String path) {
        ChromeDriver driver = browser.driver();
        driver.manage().logs().get(LogType.BROWSER); // drain what earlier pages logged
        driver.get(server.url(path));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
        return driver;
    }
}
