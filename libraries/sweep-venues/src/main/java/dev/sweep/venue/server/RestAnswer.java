package dev.sweep.venue.server;

/**
 * A venue's answer to a REST request, as the simulator sends it.
 *
 * @param status the HTTP status: 200, or the venue's error status (400 for an unknown symbol)
 * @param body   the body, JSON as the venue writes it
 */
public record RestAnswer(int status, String body) {

    public static RestAnswer ok(String body) {
        return new RestAnswer(200, body);
    }

    public boolean isOk() {
        return status == 200;
    }
}
