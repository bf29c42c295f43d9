package dev.sweep.report.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
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

    /**
     * Writes the document {@code content} writes into {@code out} in UTF-8, as {@link #write(Content)} would write its
     * text: the bytes go straight from the generator's buffer to {@code out}, with no text to encode afterwards.
     */
    public static void write(Content content, OutputStream out) {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            content.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
