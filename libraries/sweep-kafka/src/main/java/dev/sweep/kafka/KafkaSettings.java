package dev.sweep.kafka;

import java.time.Duration;

/**
 * Where and how Sweep's book events go on Kafka.
 *
 * @param bootstrap         the brokers, {@code HOST:PORT[,HOST:PORT…]}
 * @param topicPrefix       the topics are {@code PREFIX.book.events} and {@code PREFIX.book.snapshots}
 * @param partitions        partitions of each topic when the publisher creates it
 * @param replication       replication factor of each topic when the publisher creates it
 * @param snapshotEvery     a SNAPSHOT after this many events of a book
 * @param snapshotInterval  and when this long passed since its last one, at its next event
 * @param staleAfter        a reader marks a book STALE when no event of it came for this long
 * @param heartbeatInterval a publisher repeats a book's state when it wrote no event of it for this long, so that a
 *                          quiet book still reads live: a third of {@code staleAfter} by default
 */
public record KafkaSettings(String bootstrap, String topicPrefix, int partitions, short replication,
                            int snapshotEvery, Duration snapshotInterval, Duration staleAfter,
                            Duration heartbeatInterval) {

    public KafkaSettings {
        if (bootstrap.isBlank()) {
            throw new IllegalArgumentException("--kafka needs HOST:PORT");
        }
        if (!topicPrefix.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a topic prefix is letters, digits, '.', '_' and '-': " + topicPrefix);
        }
        if (partitions < 1 || replication < 1 || snapshotEvery < 1 || heartbeatInterval.isNegative()
                || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException(
                    "partitions, replication, the snapshot count and the heartbeat interval must be positive");
        }
    }

    /**
     * Three partitions, replication 1 (a single broker), a snapshot every 1,000 events or 5 s, stale after 15 s, a
     * heartbeat after 5 s without events.
     */
    public static KafkaSettings of(String bootstrap) {
        return new KafkaSettings(bootstrap, "sweep", 3, (short) 1, 1_000, Duration.ofSeconds(5),
                Duration.ofSeconds(15), Duration.ofSeconds(5));
    }

    public KafkaSettings withTopicPrefix(String prefix) {
        return new KafkaSettings(bootstrap, prefix, partitions, replication, snapshotEvery, snapshotInterval,
                staleAfter, heartbeatInterval);
    }

    public KafkaSettings withTopics(int partitions, short replication) {
        return new KafkaSettings(bootstrap, topicPrefix, partitions, replication, snapshotEvery, snapshotInterval,
                staleAfter, heartbeatInterval);
    }

    public KafkaSettings withSnapshots(int every, Duration interval) {
        return new KafkaSettings(bootstrap, topicPrefix, partitions, replication, every, interval, staleAfter,
                heartbeatInterval);
    }

    public KafkaSettings withStaleAfter(Duration after) {
        return new KafkaSettings(bootstrap, topicPrefix, partitions, replication, snapshotEvery, snapshotInterval,
                after, heartbeatInterval);
    }

    public KafkaSettings withHeartbeatInterval(Duration interval) {
        return new KafkaSettings(bootstrap, topicPrefix, partitions, replication, snapshotEvery, snapshotInterval,
                staleAfter, interval);
    }

    public String eventsTopic() {
        return topicPrefix + ".book.events";
    }

    public String snapshotsTopic() {
        return topicPrefix + ".book.snapshots";
    }
}
