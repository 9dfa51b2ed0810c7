package io.runserverplus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runserverplus.core.WebApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
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

    /** "view source" opens a new tab by posting the secret: the tab's address does not hold it. */
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
        } finally {
            driver.close();
            driver.switchTo().window(traceback);
        }
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

    private ChromeDriver open(String path) {
        ChromeDriver driver = browser.driver();
        driver.manage().logs().get(LogType.BROWSER); // drain what earlier pages logged
        driver.get(server.url(path));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
        return driver;
    }
}
