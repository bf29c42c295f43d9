package dev.sweep.venue;

import java.time.Duration;

/**
 * What a client must send to keep a venue's connection open, besides its subscriptions. The feed applies it to every
 * venue alike, from one timer per connection; the frames come from the venue's package (this rule's message,
 * {@link Venue#heartbeatAnswer}).
 *
 * @param rule     what to send, and when
 * @param message  the frame to send for a ping ({@code ping}, {@code {"op":"ping"}}); empty otherwise
 * @param interval how long a connection may stay quiet before it pings, or how soon a heartbeat request must be
 *                 answered; zero for {@link Rule#NONE}
 */
public record KeepAlive(Rule rule, String message, Duration interval) {

    /** The kinds of client keep-alive the venues ask for. */
    public enum Rule {
        /** Nothing: the venue's own heartbeats or data keep the connection open. */
        NONE,
        /**
         * A text frame such as {@code ping}, once nothing was received for the interval (OKX: a timer of N &lt; 30 s
         * restarted by every message; the venue answers {@code pong} and closes a connection it has sent nothing for
         * 30 s).
         */
        TEXT_PING,
        /**
         * A JSON ping such as {@code {"op":"ping"}}, once nothing was received for the interval (Bybit recommends
         * 20 s; it answers with a pong JSON and closes a connection with neither ping-pong nor data for 10 minutes).
         */
        JSON_PING,
        /**
         * An answer to each heartbeat request the venue sends, at once (Crypto.com asks every 30 s and closes a
         * connection that has not answered with the request's id within the interval, 5 s). The adapter reports a
         * request with {@link FeedListener#onHeartbeatRequest}; the answer is {@link Venue#heartbeatAnswer}.
         */
        ANSWER_HEARTBEAT
    }

    /** The client sends nothing to stay connected. */
    public static final KeepAlive NONE = new KeepAlive(Rule.NONE, "", Duration.ZERO);

    public KeepAlive {
        if (isPing(rule) == message.isEmpty() || (rule == Rule.NONE) != interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("not a keep-alive rule: " + rule + " '" + message + "' every " + interval);
        }
    }

    /** Send {@code text} as a text frame once the connection was quiet for {@code interval}. */
    public static KeepAlive textPing(String text, Duration interval) {
        return new KeepAlive(Rule.TEXT_PING, text, interval);
    }

    /** Send the JSON text {@code json} once the connection was quiet for {@code interval}. */
    public static KeepAlive jsonPing(String json, Duration interval) {
        return new KeepAlive(Rule.JSON_PING, json, interval);
    }

    /** Answer every heartbeat request of the venue, which wants the answer within {@code within}. */
    public static KeepAlive answerHeartbeat(Duration within) {
        return new KeepAlive(Rule.ANSWER_HEARTBEAT, "", within);
    }

    /**
     * Whether the connection must send {@link #message} now: the rule pings, and the connection has received nothing
     * and sent no ping since {@code quietSinceNanos} for the interval. A ping into a busy stream would tell neither the
     * venue nor the client anything: OKX asks for exactly this, and Bybit closes only a connection that is quiet both
     * ways, so one timing serves both.
     *
     * @param quietSinceNanos the later of the last frame received and the last ping sent (or the connection's start)
     */
    public boolean pingDue(long quietSinceNanos, long nowNanos) {
        return isPing(rule) && nowNanos - quietSinceNanos >= interval.toNanos();
    }

    private static boolean isPing(Rule rule) {
        return rule == Rule.TEXT_PING || rule == Rule.JSON_PING;
    }
}
