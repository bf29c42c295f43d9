package dev.sweep.report.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** One JSON document on one line, written with Jackson's generator: escaping is never left to string concatenation. */
public final class JsonDocuments {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonDocuments() {
    }

    /** What writes a document's content. */
    @FunctionalInterface
    public interface Content {
        void write(JsonGenerator json) throws IOException;
    }

    /** The document {@code content} writes. */
    public static String write(Content content) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            content.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
