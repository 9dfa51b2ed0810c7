package io.runserverplus.core.debugger;

import io.runserverplus.core.console.ConsoleSupport;
import io.runserverplus.core.render.ConsolePageRenderer;
import io.runserverplus.core.render.FailureListRenderer;
import io.runserverplus.core.render.MediaType;
import io.runserverplus.core.render.PageSecurity;
import io.runserverplus.core.security.DebuggerAnnouncement;
import io.runserverplus.core.security.FetchSite;
import io.runserverplus.core.security.PinGuard;
import io.runserverplus.core.security.TrustedHosts;
import io.runserverplus.core.render.SourcePageRenderer;
import io.runserverplus.core.render.TracebackHtmlRenderer;
import io.runserverplus.core.render.TracebackJsonRenderer;
import io.runserverplus.core.traceback.Frame;
import io.runserverplus.core.traceback.Traceback;
import io.runserverplus.core.traceback.TracebackFactory;
import io.runserverplus.spi.DebugRequest;
import io.runserverplus.spi.Debugger;
import io.runserverplus.spi.DebugResponse;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

/**
 * Core's {@link Debugger}, what every adapter talks to: it hands over failed requests and
 * {@code /__debugger__/} commands and copies the answer onto its framework's response. Knows
 * nothing of any framework.
 */
@Singleton
public class DebuggerEndpoint implements Debugger {

    /** Commands that change state: a page on another origin must not be able to trigger them with a link. */
    private static final Set<String> POST_ONLY = Set.of("pinauth", "printpin", "eval", "complete", "stop", "expand");

    // Providers: the parsers, renderers and random generator cost start-up time, and a request that
    // never fails never needs them. Guice makes each (a singleton) on first use.
    private final Provider<TracebackFactory> tracebacks;
    private final TracebackRegistry registry;
    private final Provider<DebuggerSecret> secret;
    private final Provider<StaticAssets> assets;
    private final Provider<TracebackHtmlRenderer> htmlRenderer;
    private final Provider<TracebackJsonRenderer> jsonRenderer;
    private final Provider<SourcePageRenderer> sourceRenderer;
    private final FailureLog failureLog;
    private final TrustedHosts trustedHosts;
    private final PinGuard pinGuard;
    private final DebuggerAnnouncement announcement;
    private final Provider<EvalCommand> evalCommand;
    private final Provider<ConsolePageRenderer> consolePage;
    private final ConsoleSupport console;
    private final Provider<ConsoleCommands> consoleCommands;
    private LiveReload liveReload = LiveReload.OFF;

    @Inject
    public DebuggerEndpoint(Provider<TracebackFactory> tracebacks, TracebackRegistry registry,
                            Provider<DebuggerSecret> secret, Provider<StaticAssets> assets,
                            Provider<TracebackHtmlRenderer> htmlRenderer, Provider<TracebackJsonRenderer> jsonRenderer,
                            Provider<SourcePageRenderer> sourceRenderer, FailureLog failureLog,
                            TrustedHosts trustedHosts, PinGuard pinGuard, DebuggerAnnouncement announcement,
                            Provider<EvalCommand> evalCommand, Provider<ConsolePageRenderer> consolePage,
                            ConsoleSupport console, Provider<ConsoleCommands> consoleCommands) {
        this.tracebacks = tracebacks;
        this.registry = registry;
        this.secret = secret;
        this.assets = assets;
        this.htmlRenderer = htmlRenderer;
        this.jsonRenderer = jsonRenderer;
        this.sourceRenderer = sourceRenderer;
        this.failureLog = failureLog;
        this.trustedHosts = trustedHosts;
        this.pinGuard = pinGuard;
        this.announcement = announcement;
        this.evalCommand = evalCommand;
        this.consolePage = consolePage;
        this.console = console;
        this.consoleCommands = consoleCommands;
    }

    /** {@code --live-reload}, when the start binds it (off otherwise). */
    @Inject
    void liveReload(LiveReload liveReload) {
        this.liveReload = liveReload;
    }

    @Override
    public boolean liveReload() {
        return liveReload.on();
    }

    @Override
    public DebugResponse handleFailure(DebugRequest request, Throwable failure) {
        return PageHeaders.onEveryAnswer(failurePage(request, failure));
    }

    private DebugResponse failurePage(DebugRequest request, Throwable failure) {
        Traceback traceback = tracebacks.get().capture(failure, applicationLoader());
        TrustedHosts.Verdict host = trustedHosts.check(request);
        String url = FailurePages.url(request, host, traceback.id());
        FailureLog.Seen seen = failureLog.failed(request, failure, url);
        registry.register(traceback, request, new TracebackRegistry.Outcome(500, false, seen));
        DebugResponse answer = switch (MediaType.preferredBy(request)) {
            case HTML -> htmlPage(500, traceback, request);
            case JSON -> DebugResponse.of(500, TracebackJsonRenderer.CONTENT_TYPE, jsonRenderer.get().render(traceback, 500, url))
                    .withHeader("Cache-Control", "no-store");
            case TEXT -> DebugResponse.of(500, MediaType.TEXT.contentType(),
                            traceback.plainText() + "Debugger page: " + url + "\n")
                    .withHeader("Cache-Control", "no-store");
        };
        return FailurePages.withLinks(answer, url);
    }

    /**
     * A failure the app's own exception handler answered with {@code status}: the app's response
     * stands; a 5xx is logged in one line, kept and listed as handled by the app. Returns the
     * headers the adapter may add to the app's response (a {@code Link} to the page), empty for
     * any other status (a 404 the app mapped an exception to is an answer, not a failure). Only
     * ever called for a request that failed, so requests that do not fail pay nothing.
     */
    @Override
    public java.util.Map<String, String> handledByApp(DebugRequest request, Throwable failure, int status) {
        if (status < 500) {
            return java.util.Map.of();
        }
        Traceback traceback = tracebacks.get().capture(failure, applicationLoader());
        String url = FailurePages.url(request, trustedHosts.check(request), traceback.id());
        FailureLog.Seen seen = failureLog.handledByApp(request, failure, status, url);
        registry.register(traceback, request, new TracebackRegistry.Outcome(status, true, seen));
        return FailurePages.linkHeaders(url);
    }

    @Override
    public void handleFailureAfterCommit(DebugRequest request, Throwable failure) {
        failureLog.failedAfterCommit(request, failure);
    }

    /**
     * Answers a {@code /__debugger__/...} request. Static resources are served to anyone (they
     * hold nothing secret); every other command needs a trusted Host (400), to come from no other
     * site or port as far as the browser's Sec-Fetch-Site tells (403), the secret (403), the
     * right method (405) and, for the console, the PIN's cookie (401).
     */
    @Override
    public DebugResponse handleCommand(DebugRequest request) {
        return PageHeaders.onEveryAnswer(command(request));
    }

    private DebugResponse command(DebugRequest request) {
        String command = request.path().substring(PREFIX.length());
        if (command.startsWith("resource/")) {
            return assets.get().find(command.substring("resource/".length()))
                    .orElseGet(() -> DebugResponse.of(404, MediaType.TEXT.contentType(), "No such debugger resource.\n"));
        }
        TrustedHosts.Verdict host = trustedHosts.check(request);
        if (!host.trusted()) {
            return DebugResponse.of(400, MediaType.TEXT.contentType(), host.refusal());
        }
        Optional<String> otherSite = FetchSite.refusal(request);
        if (otherSite.isPresent()) {
            return DebugResponse.of(403, MediaType.TEXT.contentType(), otherSite.get());
        }
        if (command.equals("reloads")) {
            // Asked by reload.js through an EventSource, which cannot send the secret; it tells
            // only which JVM serves (its process id), so that a page reloads when another does.
            return DebugResponse.of(200, "text/event-stream; charset=utf-8",
                    "retry: 1000\nevent: app\ndata: " + ProcessHandle.current().pid() + "\n\n"
                            + (liveReload.on() ? liveReload.staticEvent() : ""))
                    .withHeader("Cache-Control", "no-store");
        }
        if (command.equals(FailurePages.LIST) || command.equals(FailurePages.EVENTS) || command.startsWith(FailurePages.PAGE)) {
            // Opened by typing or clicking a URL (the terminal's, an API answer's), so no secret:
            // like the console page, a trusted Host is what they need; they change nothing.
            return "GET".equals(request.method()) ? failures(command, request) : notAllowed("GET");
        }
        if (!secret.get().isPresentIn(request)) {
            return DebugResponse.of(403, MediaType.TEXT.contentType(),
                    "The debugger secret is missing or wrong; reload the traceback page to get a fresh one.\n");
        }
        if (POST_ONLY.contains(command) && !"POST".equals(request.method())) {
            return DebugResponse.of(405, MediaType.TEXT.contentType(), "The " + command + " command needs POST.\n")
                    .withHeader("Allow", "POST");
        }
        if (request.bodyTooLarge()) {
            return DebugResponse.of(413, MediaType.TEXT.contentType(),
                    "A debugger command's body may not exceed " + DebugRequest.MAX_BODY + " bytes.\n");
        }
        return switch (command) {
            // POST: the page's "view source" form, which sends the secret in its body.
            case "source" -> "GET".equals(request.method()) || "POST".equals(request.method()) ? source(request)
                    : notAllowed("GET, POST");
            case "auth" -> "GET".equals(request.method()) ? pinGuard.auth(request) : notAllowed("GET");
            case "pinauth" -> pinAuth(request);
            case "eval" -> pinGuard.requireAuthenticated(request).orElseGet(() -> evalCommand.get().eval(request));
            case "complete", "stop", "expand" ->
                    pinGuard.requireAuthenticated(request).orElseGet(() -> consoleCommands.get().handle(command, request));
            case "printpin" -> {
                announcement.printPin();
                yield DebugResponse.of(200, "application/json; charset=utf-8", "{\"printed\": true}");
            }
            default -> DebugResponse.of(404, MediaType.TEXT.contentType(), "Unknown debugger command.\n");
        };
    }

    @Override
    public Optional<String> consolePath() {
        return console.settings().standalonePath();
    }

    /**
     * The standalone console page ({@link #consolePath()}): a console with {@code app} bound and no
     * traceback. Only for a trusted Host, as every command; its evaluations need the PIN as any other.
     */
    @Override
    public DebugResponse handleConsolePage(DebugRequest request) {
        return PageHeaders.onEveryAnswer(standaloneConsole(request));
    }

    private DebugResponse standaloneConsole(DebugRequest request) {
        TrustedHosts.Verdict host = trustedHosts.check(request);
        if (!host.trusted()) {
            return DebugResponse.of(400, MediaType.TEXT.contentType(), host.refusal());
        }
        console.consoleMayBeWanted();
        String nonce = PageHeaders.newNonce();
        PageSecurity security = new PageSecurity(secret.get().value(), nonce, Optional.empty(), pinGuard.pin().isPresent());
        return page(200, consolePage.get().render(security), nonce);
    }

    private DebugResponse pinAuth(DebugRequest request) {
        try {
            return pinGuard.pinAuth(request);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return DebugResponse.of(503, MediaType.TEXT.contentType(), "The server is stopping.\n");
        }
    }

    private DebugResponse failures(String command, DebugRequest request) {
        if (command.equals(FailurePages.LIST)) {
            String nonce = PageHeaders.newNonce();
            long latest = registry.latest();
            return page(200, FailureListRenderer.render(registry.newestFirst(), latest, nonce), nonce);
        }
        if (command.equals(FailurePages.EVENTS)) {
            long after = request.queryParameter("after").flatMap(DebuggerEndpoint::parseLong).orElse(-1L);
            try {
                return FailurePages.events(registry.awaitAfter(after, FailurePages.POLL_MILLIS));
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return DebugResponse.of(503, MediaType.TEXT.contentType(), "The server is stopping.\n");
            }
        }
        return registry.find(command.substring(FailurePages.PAGE.length()))
                .map(traceback -> htmlPage(200, traceback, request))
                .orElseGet(() -> DebugResponse.of(404, MediaType.TEXT.contentType(),
                        "That failure is gone (the server keeps the last " + TracebackRegistry.CAPACITY
                                + " and forgets them on restart); see " + PREFIX + " for the ones it keeps.\n"));
    }

    private DebugResponse htmlPage(int status, Traceback traceback, DebugRequest request) {
        TrustedHosts.Verdict host = trustedHosts.check(request);
        if (host.trusted()) {
            console.consoleMayBeWanted(); // the page offers a console in each frame
        }
        String nonce = PageHeaders.newNonce();
        PageSecurity security = new PageSecurity(secret.get().value(), nonce,
                host.trusted() ? Optional.empty() : Optional.of(host.consoleDisabledReason()), pinGuard.pin().isPresent());
        // The request line is the failed request's, also when the page is opened later by its URL.
        String requestLine = registry.requestOf(traceback.id()).orElse(request).requestLine();
        return page(status, htmlRenderer.get().render(traceback, requestLine, security), nonce);
    }

    private static DebugResponse notAllowed(String allowed) {
        return DebugResponse.of(405, MediaType.TEXT.contentType(), "This command needs " + allowed + ".\n")
                .withHeader("Allow", allowed);
    }

    private DebugResponse source(DebugRequest request) {
        Optional<Frame> frame = request.queryParameter("tb")
                .flatMap(registry::find)
                .flatMap(traceback -> request.queryParameter("frame").flatMap(DebuggerEndpoint::parseInt)
                        .flatMap(traceback::frame));
        if (frame.isEmpty()) {
            return DebugResponse.of(404, MediaType.TEXT.contentType(),
                    "That traceback or frame is gone (the server keeps the last " + TracebackRegistry.CAPACITY
                            + " tracebacks and forgets them on restart); reproduce the error for a fresh one.\n");
        }
        String nonce = PageHeaders.newNonce();
        String back = FailurePages.path(request.queryParameter("tb").orElseThrow());
        return page(200, sourceRenderer.get().render(frame.get(), nonce, back), nonce);
    }

    private static DebugResponse page(int status, String html, String nonce) {
        return new DebugResponse(status, MediaType.HTML.contentType(), PageHeaders.forNonce(nonce),
                html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static ClassLoader applicationLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ClassLoader.getSystemClassLoader();
    }
}
