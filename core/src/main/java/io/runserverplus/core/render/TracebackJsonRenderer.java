package io.runserverplus.core.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.runserverplus.core.traceback.Frame;
import io.runserverplus.core.traceback.ThrowableInfo;
import io.runserverplus.core.traceback.Traceback;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The traceback for API clients ({@code Accept: application/json}): the model, no HTML. */
@Singleton
public class TracebackJsonRenderer {

    private final JsonFactory factory = new JsonFactory();

    public String render(Traceback traceback) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("id", traceback.id());
            json.writeFieldName("exception");
            throwable(json, traceback.root());
            json.writeStringField("stackTrace", traceback.plainText());
            json.writeEndObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }

    private static void throwable(JsonGenerator json, ThrowableInfo info) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", info.typeName());
        json.writeStringField("message", info.message().orElse(null));
        json.writeBooleanField("circularReference", info.circularReference());
        json.writeNumberField("framesInCommon", info.framesInCommon());
        json.writeArrayFieldStart("frames");
        for (Frame frame : info.frames()) {
            json.writeStartObject();
            json.writeNumberField("id", frame.id());
            json.writeStringField("class", frame.className());
            json.writeStringField("method", frame.methodName());
            json.writeStringField("file", frame.fileName());
            json.writeNumberField("line", frame.lineNumber());
            json.writeStringField("kind", frame.kind().cssName());
            json.writeStringField("origin", frame.origin());
            json.writeBooleanField("hidden", frame.hidden());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (info.cause().isPresent()) {
            json.writeFieldName("cause");
            throwable(json, info.cause().get());
        }
        json.writeArrayFieldStart("suppressed");
        for (ThrowableInfo suppressed : info.suppressed()) {
            throwable(json, suppressed);
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
