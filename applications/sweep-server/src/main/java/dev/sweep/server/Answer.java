package dev.sweep.server;

import dev.sweep.report.render.JsonDocuments;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * What an endpoint answers: a status and, but for the metrics, a JSON document. Errors are documents too,
 * {@code {"error": "...", "parameter": "qty"}}, so that a client reads every answer the same way.
 *
 * @param status the HTTP status
 * @param type   the content type
 * @param body   one JSON document, ended by a newline as the command line prints it
 * @param bytes  the body in UTF-8, encoded once however many requests a document kept answers
 */
record Answer(int status, String type, String body, Buffer bytes) {

    static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");

    Answer(int status, String type, String body) {
        this(status, type, body, Buffer.buffer(body));
    }

    static Answer ok(String document) {
        return json(200, document);
    }

    /** A JSON document with a status other than 200, e.g. 503 with the sweep document saying why. */
    static Answer json(int status, String document) {
        return new Answer(status, JSON_TYPE, document + "\n");
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

    void send(HttpServerResponse response) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, type)
                .putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .end(bytes);
    }
}
