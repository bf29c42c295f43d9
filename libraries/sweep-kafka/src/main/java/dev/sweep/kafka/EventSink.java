package dev.sweep.kafka;

/** Where a publisher's events go: the Kafka topics, or a list in a test. */
public interface EventSink {

    /**
     * Sends one event to the events topic, after every event sent before it for the same key. Must not block the
     * caller (a feed's thread), must not throw, and must copy what it keeps: the caller reuses the bytes.
     *
     * @param key         the event's record key, {@code VENUE:SYMBOL}
     * @param event       the event's bytes (FORMAT.md): the first {@code length} of them
     * @param toSnapshots whether the event (a SNAPSHOT) goes to the snapshots topic too, once its events-topic offset
     *                    is known
     * @param lost        run, on any thread, when the event could not be delivered: the book must start a new epoch
     */
    void publish(String key, byte[] event, int length, boolean toSnapshots, Runnable lost);
}
