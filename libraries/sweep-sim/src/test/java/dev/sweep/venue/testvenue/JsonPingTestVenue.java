package dev.sweep.venue.testvenue;

import dev.sweep.venue.KeepAlive;
import java.time.Duration;

/**
 * The test venue with Bybit's keep-alive: the client sends {@code {"op":"ping"}} once it has heard nothing for 20 s
 * (Bybit's recommendation), the venue answers with Bybit's pong JSON, sends no heartbeats of its own, and closes a
 * connection with neither ping-pong nor data for 10 minutes.
 */
public final class JsonPingTestVenue extends TestVenue {

    public JsonPingTestVenue() {
        super("testjsonping", KeepAlive.jsonPing("{\"op\":\"ping\"}", Duration.ofSeconds(20)), Duration.ofSeconds(25));
    }
}
