package dev.sweep.kafka;

/**
 * What a publisher or reader tells of its brokers: once when they fail, once when they answer again. Called on
 * Kafka's or the sink's threads; must not throw.
 */
public interface KafkaStatus {

    /** Nothing to tell: for tests and callers that watch the books' states instead. */
    KafkaStatus NONE = new KafkaStatus() {
    };

    /** The brokers could not be reached, or refused a write; the publisher retries with backoff. */
    default void onBrokerProblem(String reason) {
    }

    /** A write succeeded after a problem. */
    default void onBrokerBack() {
    }
}
