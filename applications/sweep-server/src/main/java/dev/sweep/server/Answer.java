package dev.sweep.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * What an endpoint answers: a status and a JSON document. Errors are documents too, {@code {"error": "...",
 * "parameter": "qty"}}, so that a client reads every answer the same way.
 *
 * @param status the HTTP status
 * @param body   one JSON document, ended by a newline as the command line prints it
 */
record Answer(int status, String body) {

    static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final JsonFactory JSON = new JsonFactory();

    static Answer ok(String document) {
        return new Answer(200, document + "\n");
    }

    static Answer of(ApiException problem) {
        return error(problem.status(), problem.getMessage(), problem.parameter());
    }

    static Answer error(int status, String message, String parameter) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeStringField("parameter", parameter);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Answer(status, text + "\n");
    }

    void send(HttpServerResponse response) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", JSON_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }
}
