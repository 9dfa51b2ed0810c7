package io.runserverplus.core.debugger;

import io.runserverplus.core.console.ConsoleSupport;
import io.runserverplus.core.render.FieldRows;
import io.runserverplus.core.render.MediaType;
import io.runserverplus.core.render.ObjectFields;
import io.runserverplus.core.traceback.Frame;
import io.runserverplus.spi.CapturedFrame;
import io.runserverplus.spi.CapturedVariable;
import io.runserverplus.spi.DebugRequest;
import io.runserverplus.spi.DebugResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /__debugger__/expand} with form fields {@code tb}, {@code frame}, {@code name} (a
 * captured variable, e.g. {@code this}) and {@code path} (optional: a dot path of field names below
 * it): the fields of that value as rows of the variables table, read by reflection from the live
 * object the frame left. Values are the application's state, so the endpoint has checked the host,
 * the secret, the method and the PIN's cookie before, as for {@code eval}.
 */
@Singleton
public class ExpandCommand {

    private final ConsoleSupport console;
    private final TracebackRegistry registry;

    @Inject
    public ExpandCommand(ConsoleSupport console, TracebackRegistry registry) {
        this.console = console;
        this.registry = registry;
    }

    public DebugResponse expand(DebugRequest request) {
        Optional<Frame> frame = request.formParameter("tb").flatMap(registry::find)
                .flatMap(tb -> request.formParameter("frame").flatMap(ConsoleTarget::parseInt).flatMap(tb::frame));
        if (frame.isEmpty()) {
            return ConsoleTarget.gone();
        }
        String name = request.formParameter("name").orElse("");
        List<CapturedVariable> variables = frame.get().locals().map(CapturedFrame::variables).orElse(List.of());
        Optional<CapturedVariable> variable = variables.stream().filter(v -> v.name().equals(name)).findFirst();
        if (variable.isEmpty()) {
            return notFound("The frame has no variable named \"" + name + "\"; expand one the variables table lists.");
        }
        String path = request.formParameter("path").orElse("").strip();
        Object value = variable.get().value();
        String walked = name;
        for (String field : path.isEmpty() ? new String[0] : path.split("\\.", -1)) {
            Optional<ObjectFields.FieldValue> next = ObjectFields.field(value, field);
            if (next.isEmpty() || next.get().unreadable() != null) {
                return notFound(walked + " has no readable field named \"" + field + "\"; expand the fields the"
                        + " table lists.");
            }
            value = next.get().value();
            walked += "." + field;
        }
        if (value == null) {
            return notFound(walked + " is null: it has no fields.");
        }
        return DebugResponse.of(200, MediaType.HTML.contentType(),
                        FieldRows.render(name, path, ObjectFields.of(value), console::render))
                .withHeader("Cache-Control", "no-store");
    }

    private static DebugResponse notFound(String sentence) {
        return DebugResponse.of(404, MediaType.TEXT.contentType(), sentence + "\n");
    }
}
