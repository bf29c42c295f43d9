package dev.sweep.venue.testvenue;

import dev.sweep.venue.KeepAlive;
import java.time.Duration;

/**
 * The test venue with OKX's keep-alive: the client sends the text {@code ping} once it has heard nothing for 20 s (OKX:
 * any N below 30 s), the venue answers the text {@code pong}, sends no heartbeats of its own, and closes a connection
 * it has sent nothing for 30 s.
 */
public final class TextPingTestVenue extends TestVenue {

    public TextPingTestVenue() {
        super("testtextping", KeepAlive.textPing("ping", Duration.ofSeconds(20)), Duration.ofSeconds(25));
    }
}
