package dev.sweep.venue.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes JSON texts with jackson-core's generator, so that every string is escaped whatever it holds: the requests
 * Sweep sends to venues and the frames the simulator's dialects send to clients. A writer keeps one generator and one
 * buffer from text to text, so a frame costs only its {@code String}. Not thread-safe.
 */
public final class JsonWriter {

    /** Writes one JSON value with the generator. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Text text = new Text();
    private JsonGenerator json = generator(text);

    /** One text from a writer of its own, for what is written rarely (requests, control frames). */
    public static String text(Body body) {
        return new JsonWriter().write(body);
    }

    /** Writes one value and returns its text. */
    public String write(Body body) {
        text.clear();
        try {
            body.write(json);
            json.flush();
        } catch (IOException | RuntimeException e) {
            // The generator may be left inside an unfinished value: start the next text with a fresh one.
            json = generator(text);
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static JsonGenerator generator(Writer out) {
        try {
            // No separator between texts: each one is taken out of the buffer before the next is written.
            return FACTORY.createGenerator(out).setRootValueSeparator(null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a JSON generator", e);
        }
    }

    /** The generator's output, kept in memory and reused. */
    private static final class Text extends Writer {

        private final StringBuilder chars = new StringBuilder(1024);

        void clear() {
            chars.setLength(0);
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars.append(buffer, offset, length);
        }

        @Override
        public void write(String string, int offset, int length) {
            chars.append(string, offset, offset + length);
        }

        @Override
        public void write(int c) {
            chars.append((char) c);
        }

        @Override
        public void flush() {
            // Nothing to flush: the text is in memory.
        }

        @Override
        public void close() {
            // Reused: closing the generator must not end it.
        }

        @Override
        public String toString() {
            return chars.toString();
        }
    }
}
