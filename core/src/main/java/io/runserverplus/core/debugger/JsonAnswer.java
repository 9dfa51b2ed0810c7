package io.runserverplus.core.debugger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.runserverplus.spi.DebugResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The small JSON answers of the console's commands, never cached. */
final class JsonAnswer {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final JsonFactory FACTORY = new JsonFactory();

    /** Writes the members of one JSON object. */
    interface Members {
        void write(JsonGenerator json) throws IOException;
    }

    private JsonAnswer() {
    }

    /** A 200 whose body is the object {@code members} writes. */
    static DebugResponse ok(Members members) {
        return DebugResponse.of(200, CONTENT_TYPE, object(members)).withHeader("Cache-Control", "no-store");
    }

    /** A 400 whose body is {@code {"error": sentence}}. */
    static DebugResponse badRequest(String sentence) {
        return DebugResponse.of(400, CONTENT_TYPE, object(json -> json.writeStringField("error", sentence)));
    }

    private static String object(Members members) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            members.write(json);
            json.writeEndObject();
        } catch (IOException cannotHappen) { // a StringWriter does not fail
            throw new UncheckedIOException(cannotHappen);
        }
        return out.toString();
    }
}
