package dev.sweep.kafka;

import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The events of a publisher on their way to Kafka: encoded on the feeds' threads, copied into a ring of reused buffers
 * (nothing allocated there), and handed to one idempotent producer ({@code acks=all}) by one thread of its own, so
 * that a broker that is slow or away never blocks a feed.
 * The producer retries with backoff on its own; an event it gives up on, or that finds the queue full, is reported
 * lost to its book, which opens a new epoch. A SNAPSHOT meant for the snapshots topic goes there once its offset on
 * the events topic is known, the last ones before {@link #close()} too.
 */
public final class KafkaEventSink implements EventSink, AutoCloseable {

    /** Events waiting for the producer; past that, a book's events are dropped and it resyncs. */
    private static final int QUEUE = 65_536;
    /** And their bytes: a SNAPSHOT of the deepest book a feed keeps (2 × 250,000 levels) fits, twice. */
    private static final int QUEUE_BYTES = 32 * 1024 * 1024;
    private static final String QUEUE_FULL = "more than " + QUEUE + " events or " + QUEUE_BYTES / 1024 / 1024
            + " MB wait for the brokers; books resync once they answer";
    /** How long an event may wait for the brokers before it counts as lost. */
    private static final int DELIVERY_TIMEOUT_MS = 15_000;
    /** How long closing waits for the queue to be sent, and then again for the producer to deliver it. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);

    private final KafkaSettings settings;
    private final KafkaStatus status;
    private final KafkaProducer<String, byte[]> producer;
    private final EventRing ring = new EventRing(QUEUE, QUEUE_BYTES);
    /** The snapshots to copy to the snapshots topic, queued by the producer's callbacks for the sender thread. */
    private final BlockingQueue<ProducerRecord<String, byte[]>> snapshots = new ArrayBlockingQueue<>(1_024);
    /** SNAPSHOTs sent to the events topic whose copy is not queued yet: closing waits for them. */
    private final AtomicInteger copiesDue = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Thread sender;
    private volatile boolean closed;
    private volatile long closeDeadlineNanos;

    public KafkaEventSink(KafkaSettings settings, KafkaStatus status) {
        this.settings = settings;
        this.status = status;
        this.producer = new KafkaProducer<>(properties(settings), new StringSerializer(), new ByteArraySerializer());
        this.sender = new Thread(this::send, "kafka-sender");
        sender.setDaemon(true);
        sender.start();
    }

    private static Properties properties(KafkaSettings settings) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        // The sender thread may wait, never a feed: but not so long that a dead broker hides behind it.
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        properties.put(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, 100);
        properties.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        return properties;
    }

    @Override
    public void publish(String key, byte[] event, int length, boolean toSnapshots, Runnable lost) {
        if (closed || !ring.offer(key, event, length, toSnapshots, lost)) {
            lost.run();
            problem(QUEUE_FULL);
        }
    }

    /**
     * The sender thread: one producer, in the order the events were queued, so each key's stay in order. Once closed,
     * it sends what is still queued, then the copies of the SNAPSHOTs among it as they are delivered, and stops: at
     * the latest when the time to close is up.
     */
    private void send() {
        EventRing.Taker taker = this::send;
        try {
            while (true) {
                sendCopies();
                boolean took = ring.take(closed ? 1 : 100, taker);
                if (closed && (System.nanoTime() - closeDeadlineNanos >= 0
                        || !took && copiesDue.get() == 0 && snapshots.isEmpty())) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendCopies() {
        for (ProducerRecord<String, byte[]> copy = snapshots.poll(); copy != null; copy = snapshots.poll()) {
            send(copy, null, () -> { });
        }
    }

    private void send(String key, byte[] bytes, int offset, int length, boolean toSnapshots, Runnable lost) {
        byte[] value = Arrays.copyOfRange(bytes, offset, offset + length);
        send(new ProducerRecord<>(settings.eventsTopic(), key, value), toSnapshots ? value : null, lost);
    }

    /** @param snapshot the SNAPSHOT's bytes to copy to the snapshots topic once delivered, or null */
    private void send(ProducerRecord<String, byte[]> record, byte[] snapshot, Runnable lost) {
        if (snapshot != null) {
            copiesDue.incrementAndGet();
        }
        try {
            producer.send(record, (metadata, failure) -> delivered(record, snapshot, lost, metadata, failure));
        } catch (KafkaException e) {
            delivered(record, snapshot, lost, null, e);
        }
    }

    private void delivered(ProducerRecord<String, byte[]> record, byte[] snapshot, Runnable lost,
                           RecordMetadata metadata, Exception failure) {
        if (failure != null) {
            lost.run();
            problem("an event of " + record.key() + " was not delivered: " + failure.getMessage());
        } else {
            if (failing.compareAndSet(true, false)) {
                status.onBrokerBack();
            }
            if (snapshot != null) {
                // Compaction keeps the last record of a key by offset: one sender keeps them in the events' order.
                byte[] copy = BookEventCodec.encode(BookEventCodec.decode(snapshot).at(metadata.offset()));
                if (!snapshots.offer(new ProducerRecord<>(settings.snapshotsTopic(), record.key(), copy))) {
                    problem("the snapshot of " + record.key() + " was dropped: the queue is full");
                }
            }
        }
        if (snapshot != null) {
            // After the copy is queued: a sender that finds none due finds every copy in the queue.
            copiesDue.decrementAndGet();
        }
    }

    private void problem(String reason) {
        if (failing.compareAndSet(false, true)) {
            status.onBrokerProblem(reason);
        }
    }

    /**
     * Sends what is queued and the copies of its SNAPSHOTs, for at most a few seconds, and closes the producer once it
     * delivered them, for at most as long again.
     */
    @Override
    public void close() {
        closeDeadlineNanos = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
        closed = true;
        try {
            // The sender looks at the time between two events: a moment more.
            sender.join(CLOSE_TIMEOUT.toMillis() + 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(CLOSE_TIMEOUT);
    }
}
