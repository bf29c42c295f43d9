package dev.sweep.venue;

import java.time.Duration;

/**
 * What a client must send to keep a venue's connection open, besides its subscriptions.
 *
 * @param rule     what to send, and when
 * @param message  the frame to send for a ping ({@code ping}, {@code {"op":"ping"}}); empty otherwise
 * @param interval how often to ping, or how soon a heartbeat request must be answered; zero for {@link Rule#NONE}
 */
public record KeepAlive(Rule rule, String message, Duration interval) {

    /** The kinds of client keep-alive the venues ask for. */
    public enum Rule {
        /** Nothing: the venue's own heartbeats or data keep the connection open. */
        NONE,
        /** A text frame such as {@code ping}, every interval (OKX). */
        TEXT_PING,
        /** A JSON ping such as {@code {"op":"ping"}}, every interval (Bybit). */
        JSON_PING,
        /** An answer to each heartbeat request the venue sends, within the interval (Crypto.com). */
        ANSWER_HEARTBEAT
    }

    /** The client sends nothing to stay connected. */
    public static final KeepAlive NONE = new KeepAlive(Rule.NONE, "", Duration.ZERO);

    public KeepAlive {
        boolean ping = rule == Rule.TEXT_PING || rule == Rule.JSON_PING;
        if (ping == message.isEmpty() || (rule == Rule.NONE) != interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("not a keep-alive rule: " + rule + " '" + message + "' every " + interval);
        }
    }

    /** Send {@code text} as a text frame every {@code interval}. */
    public static KeepAlive textPing(String text, Duration interval) {
        return new KeepAlive(Rule.TEXT_PING, text, interval);
    }

    /** Send the JSON text {@code json} every {@code interval}. */
    public static KeepAlive jsonPing(String json, Duration interval) {
        return new KeepAlive(Rule.JSON_PING, json, interval);
    }

    /** Answer every heartbeat request of the venue within {@code within}. */
    public static KeepAlive answerHeartbeat(Duration within) {
        return new KeepAlive(Rule.ANSWER_HEARTBEAT, "", within);
    }
}
