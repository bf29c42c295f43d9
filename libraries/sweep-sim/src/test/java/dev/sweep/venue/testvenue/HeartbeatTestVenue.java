package dev.sweep.venue.testvenue;

import dev.sweep.venue.KeepAlive;
import dev.sweep.venue.json.JsonWriter;
import java.time.Duration;

/**
 * The test venue with Crypto.com's keep-alive: besides its heartbeats, the venue sends
 * {@code {"id":…,"method":"public/heartbeat","code":0}} every 30 s and closes the connection unless the client answers
 * {@code {"id":…,"method":"public/respond-heartbeat"}} with the same id within 5 s.
 */
public final class HeartbeatTestVenue extends TestVenue {

    public HeartbeatTestVenue() {
        super("testheartbeat", KeepAlive.answerHeartbeat(Duration.ofSeconds(5)), Duration.ofSeconds(5));
    }

    @Override
    public String heartbeatAnswer(long id) {
        return JsonWriter.text(json -> {
            json.writeStartObject();
            json.writeNumberField("id", id);
            json.writeStringField("method", "public/respond-heartbeat");
            json.writeEndObject();
        });
    }
}
