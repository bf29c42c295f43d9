package dev.sweep.kafka;

/** Where a publisher's events go: the Kafka topics, or a list in a test. */
public interface EventSink {

    /**
     * Sends one event to the events topic, after every event sent before it for the same key. Must not block the
     * caller (a feed's thread) and must not throw.
     *
     * @param toSnapshots whether the event (a SNAPSHOT) goes to the snapshots topic too, once its events-topic offset
     *                    is known
     * @param lost        run, on any thread, when the event could not be delivered: the book must start a new epoch
     */
    void publish(BookEvent event, boolean toSnapshots, Runnable lost);
}
