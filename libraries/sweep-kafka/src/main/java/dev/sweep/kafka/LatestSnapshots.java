package dev.sweep.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The latest snapshot of each followed book on the snapshots topic, as a reader read it last. A partition is read on
 * from where its last read stopped, so that reading it again, as a book that wants a snapshot does now and then, costs
 * the records written since. Used on the reader's thread only.
 */
final class LatestSnapshots implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Set<String> keys;
    private final BooleanSupplier closed;
    private final Map<String, BookEvent> latest = new HashMap<>();
    /** Per partition read: the offset its next read starts at, and when (System.nanoTime()) its last one began. */
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Map<TopicPartition, Long> readNanos = new HashMap<>();
    private List<TopicPartition> partitions = List.of();

    /**
     * @param keys   the followed books' keys: the snapshots of others are not kept
     * @param closed whether the reader is closing: a read stops at once
     */
    LatestSnapshots(KafkaConsumer<String, byte[]> consumer, Set<String> keys, BooleanSupplier closed) {
        this.consumer = consumer;
        this.keys = Set.copyOf(keys);
        this.closed = closed;
    }

    /** Reads every partition of the snapshots topic to its end, and returns the latest snapshot of each book. */
    Map<String, BookEvent> readAll(List<TopicPartition> partitions, long nowNanos) {
        this.partitions = List.copyOf(partitions);
        read(this.partitions, nowNanos);
        return Map.copyOf(latest);
    }

    /**
     * The book's latest snapshot, its partition read again unless a read of it began at {@code readSinceNanos} or
     * later; null when it has none, or before {@link #readAll}.
     */
    BookEvent latest(String key, long readSinceNanos, long nowNanos) {
        if (partitions.isEmpty()) {
            return null;
        }
        TopicPartition partition = partitions.get(KafkaBooks.partition(key, partitions.size()));
        Long read = readNanos.get(partition);
        if (read == null || read - readSinceNanos < 0) {
            read(List.of(partition), nowNanos);
        }
        return latest.get(key);
    }

    private void read(List<TopicPartition> toRead, long nowNanos) {
        consumer.assign(toRead);
        for (TopicPartition partition : toRead) {
            Long position = positions.get(partition);
            if (position == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, position);
            }
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(toRead);
        while (!closed.getAsBoolean()
                && toRead.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(KafkaBooks.POLL)) {
                if (keys.contains(record.key())) {
                    BookEvent snapshot = KafkaBooks.decode(record);
                    if (snapshot != null) {
                        latest.put(record.key(), snapshot);
                    }
                }
            }
        }
        for (TopicPartition partition : toRead) {
            positions.put(partition, consumer.position(partition));
            readNanos.put(partition, nowNanos);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(1));
    }

    /** Stops a read under way: it throws {@link org.apache.kafka.common.errors.WakeupException}. */
    void wakeup() {
        consumer.wakeup();
    }
}
