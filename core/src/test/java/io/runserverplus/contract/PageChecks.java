package io.runserverplus.contract;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What {@link BrowserContract} measures in the page itself: element boxes, computed styles and the
 * clipboard, read by small scripts (never pixels), and the Chromium settings it changes to do so.
 */
final class PageChecks {

    private PageChecks() {
    }

    /** Lays the page out as a window {@code width} by {@code height} CSS pixels would (until {@link #resetEmulation}). */
    static void emulateSize(ChromeDriver driver, int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** As if the system asked for dark colours ({@code prefers-color-scheme: dark}). */
    static void emulateDarkMode(ChromeDriver driver) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    }

    static void resetEmulation(ChromeDriver driver) {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    /** Lets the page of {@code origin} write and read the clipboard without asking. */
    static void grantClipboard(ChromeDriver driver, String origin) {
        driver.executeCdpCommand("Browser.grantPermissions",
                Map.of("origin", origin, "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    /** The clipboard's text as the page reads it, or "unreadable: ..." */
    static String clipboard(ChromeDriver driver) {
        return (String) driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " navigator.clipboard.readText().then(done, function (e) { done('unreadable: ' + e); });");
    }

    /**
     * Each word of an identifier (letters, digits, '_' and '$' between dots, brackets and slashes)
     * inside {@code selector}'s elements that the browser laid out on more than one line.
     */
    @SuppressWarnings("unchecked")
    static List<String> splitIdentifiers(ChromeDriver driver, String selector) {
        return (List<String>) driver.executeScript("""
                var split = [];
                document.querySelectorAll(arguments[0]).forEach(function (element) {
                  if (!element.checkVisibility()) { return; }
                  var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
                  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
                    var word = /[A-Za-z0-9_$]+/g, match;
                    while ((match = word.exec(node.data)) !== null) {
                      var range = document.createRange();
                      range.setStart(node, match.index);
                      range.setEnd(node, match.index + match[0].length);
                      var tops = new Set(Array.prototype.map.call(range.getClientRects(), function (r) {
                        return Math.round(r.top);
                      }));
                      if (tops.size > 1) { split.push(match[0] + " in " + element.className + " " + element.tagName); }
                    }
                  }
                });
                return split;
                """, selector);
    }

    /**
     * Controls smaller than 24 px, and each step of Tab that goes back on the screen, measured with
     * the page scrolled to its top (so that the sticky summary stands where it belongs in the flow).
     */
    @SuppressWarnings("unchecked")
    static List<String> controlProblems(ChromeDriver driver) {
        return (List<String>) driver.executeScript("""
                window.scrollTo(0, 0);
                var controls = Array.prototype.filter.call(document.querySelectorAll(
                    "button, a[href], input, textarea, select, summary, [tabindex]"), function (c) {
                  // checkVisibility: the content of a closed <details> keeps its boxes in Chromium
                  var r = c.getBoundingClientRect();
                  return c.checkVisibility({ visibilityProperty: true }) && r.width > 0 && r.height > 0
                      && c.tabIndex >= 0 && !c.disabled && !c.closest("dialog:not([open])");
                });
                function describe(c) {
                  var r = c.getBoundingClientRect();
                  var frame = c.closest("li.frame");
                  return c.tagName.toLowerCase() + "." + c.className + " '" + c.textContent.trim().slice(0, 30) + "'"
                      + (frame ? " in " + frame.id : "") + " at (" + Math.round(r.left) + ", " + Math.round(r.top)
                      + ", " + Math.round(r.bottom) + ")";
                }
                var problems = [];
                var previous = null;
                controls.forEach(function (c) {
                  var r = c.getBoundingClientRect();
                  if (r.width < 24 || r.height < 24) {
                    problems.push("smaller than 24 px (" + r.width + " x " + r.height + "): " + describe(c));
                  }
                  if (previous) {
                    var p = previous.getBoundingClientRect();
                    var sameRow = r.top < p.bottom && r.bottom > p.top;
                    if (sameRow ? r.left < p.left : r.top < p.top) {
                      problems.push("Tab goes back on the screen from " + describe(previous) + " to " + describe(c));
                    }
                  }
                  previous = c;
                });
                return problems;
                """);
    }

    /**
     * The contrast ratio (WCAG 2) of {@code selector}'s first visible element's text against the
     * first background colour behind it.
     */
    static double contrast(ChromeDriver driver, String selector) {
        return ((Number) driver.executeScript("""
                var element = Array.prototype.find.call(document.querySelectorAll(arguments[0]),
                    function (e) { return e.checkVisibility(); });
                function rgb(text) { return text.match(/[0-9.]+/g).map(Number); }
                function luminance(c) {
                  var l = c.slice(0, 3).map(function (v) {
                    v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
                  });
                  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
                }
                var back = element;
                while (back && (getComputedStyle(back).backgroundColor === "rgba(0, 0, 0, 0)"
                    || getComputedStyle(back).backgroundColor === "transparent")) {
                  back = back.parentElement;
                }
                var bg = back ? rgb(getComputedStyle(back).backgroundColor) : [255, 255, 255];
                var a = luminance(rgb(getComputedStyle(element).color)), b = luminance(bg);
                return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                """, selector)).doubleValue();
    }

    /** The relative luminance (0 black, 1 white) of {@code selector}'s computed background colour. */
    static double backgroundLuminance(ChromeDriver driver, String selector) {
        return ((Number) driver.executeScript("""
                var c = getComputedStyle(document.querySelector(arguments[0])).backgroundColor.match(/[0-9.]+/g).map(Number);
                var l = c.slice(0, 3).map(function (v) {
                  v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
                });
                return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
                """, selector)).doubleValue();
    }
}
