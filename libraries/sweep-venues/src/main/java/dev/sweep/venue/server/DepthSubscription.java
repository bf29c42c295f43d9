package dev.sweep.venue.server;

/**
 * One instrument a client subscribed to at a limited depth, on a venue whose messages carry a per-subscription id
 * (Bybit's {@code u}, OKX's {@code seqId}): what the client sees of the truth, the id of the last message it was sent,
 * and when that was.
 */
public final class DepthSubscription {

    private final String topic;
    private final String symbol;
    private final DepthView view;
    private long id;
    private long lastSentNanos;

    /**
     * @param topic         what the venue's messages name the subscription by (Bybit's topic, OKX's instId)
     * @param symbol        the instrument as the venue writes it
     * @param view          what the client sees of the truth
     * @param id            the id the first message follows
     * @param lastSentNanos when the subscription started
     */
    public DepthSubscription(String topic, String symbol, DepthView view, long id, long lastSentNanos) {
        this.topic = topic;
        this.symbol = symbol;
        this.view = view;
        this.id = id;
        this.lastSentNanos = lastSentNanos;
    }

    public String topic() {
        return topic;
    }

    public String symbol() {
        return symbol;
    }

    public DepthView view() {
        return view;
    }

    /** The id of the last message sent (or, for a message the client never saw, the one it should have had). */
    public long id() {
        return id;
    }

    public void id(long id) {
        this.id = id;
    }

    public long lastSentNanos() {
        return lastSentNanos;
    }

    /** Records a message sent at {@code nowNanos} with id {@code id}. */
    public void sent(long id, long nowNanos) {
        this.id = id;
        this.lastSentNanos = nowNanos;
    }
}
