package io.runserverplus.core.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.runserverplus.core.console.ConsoleSupport;
import io.runserverplus.core.traceback.Frame;
import io.runserverplus.core.traceback.ThrowableInfo;
import io.runserverplus.core.traceback.Traceback;
import io.runserverplus.spi.CapturedVariable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The traceback for API clients ({@code Accept: application/json} or {@code application/problem+json}):
 * an RFC 9457 problem document ({@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}: the failure's page) whose extension members hold the model, no HTML: the
 * page's URL, the throwable with its frames, causes and suppressed ones (a frame's captured
 * variables with their values rendered as on the page), and the stack trace as Java prints it.
 */
@Singleton
public class TracebackJsonRenderer {

    private final JsonFactory factory = new JsonFactory();
    private final ConsoleSupport console;

    @Inject
    public TracebackJsonRenderer(ConsoleSupport console) {
        this.console = console;
    }

    /** The content type of the answer: RFC 9457's, which a client accepting {@code application/json} reads as JSON. */
    public static final String CONTENT_TYPE = "application/problem+json; charset=utf-8";

    public String render(Traceback traceback, int status, String pageUrl) {
        StringWriter out = new StringWriter();
        ValueTexts values = ValueTexts.of(traceback, console::render);
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            // "about:blank": the status says what kind of problem it is; the title is then its reason phrase.
            json.writeStringField("type", "about:blank");
            json.writeStringField("title", status == 500 ? "Internal Server Error" : "Server Error");
            json.writeNumberField("status", status);
            json.writeStringField("detail", traceback.root().summary());
            json.writeStringField("instance", pageUrl);
            json.writeStringField("debuggerPage", pageUrl);
            json.writeStringField("id", traceback.id());
            json.writeFieldName("exception");
            throwable(json, traceback.root(), values);
            json.writeStringField("stackTrace", traceback.plainText());
            json.writeEndObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }

    private static void throwable(JsonGenerator json, ThrowableInfo info, ValueTexts values) throws IOException {
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
            if (frame.locals().isPresent()) {
                json.writeArrayFieldStart("variables");
                for (CapturedVariable variable : frame.locals().get().variables()) {
                    json.writeStartObject();
                    json.writeStringField("name", variable.name());
                    json.writeStringField("type", variable.declaredType());
                    json.writeStringField("value", values.text(variable));
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        if (info.cause().isPresent()) {
            json.writeFieldName("cause");
            throwable(json, info.cause().get(), values);
        }
        json.writeArrayFieldStart("suppressed");
        for (ThrowableInfo suppressed : info.suppressed()) {
            throwable(json, suppressed, values);
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
