package io.runserverplus.core.debugger;

import io.runserverplus.core.console.ConsoleSupport;
import io.runserverplus.spi.Completions;
import io.runserverplus.spi.Consoles;
import io.runserverplus.spi.DebugRequest;
import io.runserverplus.spi.DebugResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * {@code POST /__debugger__/complete} with form fields {@code tb}, {@code frame}, {@code code} and
 * {@code cursor}: what Tab offers at the cursor in that frame's console (the standalone one without
 * {@code tb}), as JSON {@code {"anchor": n, "candidates": [...]}}; the page replaces
 * {@code code[anchor, cursor)} by the chosen candidate. Nothing is run. The endpoint has checked the
 * host, the secret, the method and the PIN's cookie before.
 */
@Singleton
public class CompleteCommand {

    private final ConsoleSupport console;
    private final TracebackRegistry registry;

    @Inject
    public CompleteCommand(ConsoleSupport console, TracebackRegistry registry) {
        this.console = console;
        this.registry = registry;
    }

    public DebugResponse complete(DebugRequest request) {
        Optional<Consoles> consoles = console.consoles();
        if (consoles.isEmpty()) {
            return ConsoleTarget.notInstalled();
        }
        String code = request.formParameter("code").orElse("").replace("\r\n", "\n");
        Optional<Integer> cursor = request.formParameter("cursor").flatMap(ConsoleTarget::parseInt);
        if (cursor.isEmpty() || cursor.get() < 0 || cursor.get() > code.length()) {
            return JsonAnswer.badRequest("The cursor must be a position in the code, 0 to " + code.length() + ", not "
                    + request.formParameter("cursor").map(c -> "\"" + c + "\"").orElse("missing") + ".");
        }
        Optional<ConsoleTarget> target = ConsoleTarget.of(request, registry, console);
        if (target.isEmpty()) {
            return ConsoleTarget.gone();
        }
        Completions completions = consoles.get().complete(target.get().sessionId(), target.get().scope(), code,
                cursor.get());
        return JsonAnswer.ok(json -> {
            json.writeNumberField("anchor", completions.anchor());
            json.writeArrayFieldStart("candidates");
            for (String candidate : completions.candidates()) {
                json.writeString(candidate);
            }
            json.writeEndArray();
        });
    }
}
