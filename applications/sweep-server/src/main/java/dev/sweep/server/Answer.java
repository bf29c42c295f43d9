package dev.sweep.server;

import dev.sweep.report.render.JsonDocuments;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * What an endpoint answers: a status and, but for the metrics, a JSON document. Errors are documents too,
 * {@code {"error": "...", "parameter": "qty"}}, so that a client reads every answer the same way.
 *
 * @param status the HTTP status
 * @param type   the content type
 * @param bytes  the body in UTF-8, written once however many requests a document kept answers
 */
record Answer(int status, String type, Buffer bytes) {

    static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    /** Room for a sweep document of a few dozen fills, so that its buffer seldom grows while it is written. */
    private static final int DOCUMENT_SIZE_HINT = 8 * 1024;
    private static final byte NEWLINE = '\n';

    Answer(int status, String type, String body) {
        this(status, type, Buffer.buffer(body));
    }

    static Answer ok(String document) {
        return json(200, document);
    }

    /** A JSON document with a status other than 200, e.g. 503 with the sweep document saying why. */
    static Answer json(int status, String document) {
        return new Answer(status, JSON_TYPE, document + "\n");
    }

    /**
     * The JSON document {@code writer} writes in UTF-8, ended by a newline as the command line prints it: written
     * straight into the bytes sent, never held as text.
     */
    static Answer json(int status, Consumer<OutputStream> writer) {
        Buffer bytes = Buffer.buffer(DOCUMENT_SIZE_HINT);
        writer.accept(new BufferOutput(bytes));
        return new Answer(status, JSON_TYPE, bytes.appendByte(NEWLINE));
    }

    static Answer of(ApiException problem) {
        return error(problem.status(), problem.getMessage(), problem.parameter());
    }

    static Answer error(int status, String message, String parameter) {
        return json(status, JsonDocuments.write(json -> {
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeStringField("parameter", parameter);
            json.writeEndObject();
        }));
    }

    /** The body as text: for a WebSocket's text message and for tests, never on the way of an HTTP answer. */
    String body() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    void send(HttpServerResponse response) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, type)
                .putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .end(bytes);
    }

    /** The bytes a generator writes, appended to a buffer. */
    private static final class BufferOutput extends OutputStream {

        private final Buffer buffer;

        BufferOutput(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            buffer.appendBytes(bytes, offset, length);
        }
    }
}
