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
 */
public record KafkaSettings(String bootstrap, String topicPrefix, int partitions, short replication,
                            int snapshotEvery, Duration snapshotInterval, Duration staleAfter) {

    public KafkaSettings {
        if (bootstrap.isBlank()) {
            throw new IllegalArgumentException("--kafka needs HOST:PORT");
        }
        if (!topicPrefix.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a topic prefix is letters, digits, '.', '_' and '-': " + topicPrefix);
        }
        if (partitions < 1 || replication < 1 || snapshotEvery < 1) {
            throw new IllegalArgumentException("partitions, replication and the snapshot count must be positive");
        }
    }

    /** Three partitions, replication 1 (a single broker), a snapshot every 1,000 events or 5 s, stale after 15 s. */
    public static KafkaSettings of(String bootstrap) {
        return new KafkaSettings(bootstrap, "sweep", 3, (short) 1, 1_000, Duration.ofSeconds(5),
                Duration.ofSeconds(15));
    }

    public KafkaSettings withTopicPrefix(String prefix) {
        return new KafkaSettings(bootstrap, prefix, partitions, replication, snapshotEvery, snapshotInterval,
                staleAfter);
    }

    public KafkaSettings withTopics(int partitions, short replication) {
        return new KafkaSettings(bootstrap, topicPrefix, partitions, replication, snapshotEvery, snapshotInterval,
                staleAfter);
    }

    public KafkaSettings withSnapshots(int every, Duration interval) {
        return new KafkaSettings(bootstrap, topicPrefix, partitions, replication, every, interval, staleAfter);
    }

    public KafkaSettings withStaleAfter(Duration after) {
        return new KafkaSettings(bootstrap, topicPrefix, partitions, replication, snapshotEvery, snapshotInterval,
                after);
    }

    public String eventsTopic() {
        return topicPrefix + ".book.events";
    }

    public String snapshotsTopic() {
        return topicPrefix + ".book.snapshots";
    }
}
