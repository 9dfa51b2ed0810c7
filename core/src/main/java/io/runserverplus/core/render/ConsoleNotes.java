package io.runserverplus.core.render;

import static org.owasp.encoder.Encode.forHtml;

import io.runserverplus.core.console.ConsoleSupport;

/** The page's line saying what is missing when the console or the frames' variables are not there, and the fix. */
final class ConsoleNotes {

    private ConsoleNotes() {
    }

    static void append(StringBuilder html, ConsoleSupport console, boolean consoleAllowed) {
        if (console.provider().isEmpty()) {
            if (consoleAllowed) {
                note(html, "The interactive console is not installed: add " + ConsoleSupport.ARTIFACT
                        + " to the application's dependencies.");
            }
            return;
        }
        if (!console.capturesLocals()) {
            String agent = console.childJvmOptions().stream().filter(option -> option.startsWith("-javaagent:"))
                    .findFirst().orElse("-javaagent:<runserverplus-console jar>");
            note(html, "Frame variables are not captured: this JVM runs without the capture agent, which the reloader"
                    + " adds to the app's JVM (the default). Without the reloader, start java with " + agent
                    + ". The console still has ex, request and frame.");
        }
    }

    private static void note(StringBuilder html, String text) {
        html.append("<p class=\"console-note\" role=\"note\">").append(forHtml(text)).append("</p>\n");
    }
}
