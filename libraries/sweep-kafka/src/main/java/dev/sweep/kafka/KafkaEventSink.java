package dev.sweep.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The events of a publisher on their way to Kafka: encoded on the feeds' threads, queued, and handed to one idempotent
 * producer ({@code acks=all}) by one thread of its own, so that a broker that is slow or away never blocks a feed.
 * The producer retries with backoff on its own; an event it gives up on, or that finds the queue full, is reported
 * lost to its book, which opens a new epoch. A SNAPSHOT meant for the snapshots topic goes there once its offset on
 * the events topic is known.
 */
public final class KafkaEventSink implements EventSink, AutoCloseable {

    /** Events waiting for the producer; past that, a book's events are dropped and it resyncs. */
    private static final int QUEUE = 65_536;
    /** How long an event may wait for the brokers before it counts as lost. */
    private static final int DELIVERY_TIMEOUT_MS = 15_000;

    private final KafkaSettings settings;
    private final KafkaStatus status;
    private final KafkaProducer<String, byte[]> producer;
    private final BlockingQueue<Outgoing> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Thread sender;
    private volatile boolean closed;

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
    public void publish(BookEvent event, boolean toSnapshots, Runnable lost) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.eventsTopic(), event.key(),
                BookEventCodec.encode(event));
        if (closed || !queue.offer(new Outgoing(record, toSnapshots ? event : null, lost))) {
            lost.run();
            problem("more than " + QUEUE + " events wait for the brokers; books resync once they answer");
        }
    }

    /**
     * The sender thread: one producer, in the order the events were queued, so each key's stay in order. Once closed,
     * it sends what is still queued and stops.
     */
    private void send() {
        while (true) {
            Outgoing outgoing;
            try {
                outgoing = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (outgoing == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            try {
                producer.send(outgoing.record, (metadata, failure) -> delivered(outgoing, metadata, failure));
            } catch (KafkaException e) {
                delivered(outgoing, null, e);
            }
        }
    }

    private void delivered(Outgoing outgoing, RecordMetadata metadata, Exception failure) {
        if (failure != null) {
            outgoing.lost.run();
            problem("an event of " + outgoing.record.key() + " was not delivered: " + failure.getMessage());
            return;
        }
        if (failing.compareAndSet(true, false)) {
            status.onBrokerBack();
        }
        if (outgoing.snapshot != null) {
            // Compaction keeps the last record of a key by offset: one sender keeps them in the events' order.
            ProducerRecord<String, byte[]> snapshot = new ProducerRecord<>(settings.snapshotsTopic(),
                    outgoing.record.key(), BookEventCodec.encode(outgoing.snapshot.at(metadata.offset())));
            if (!queue.offer(new Outgoing(snapshot, null, () -> { }))) {
                problem("the snapshot of " + outgoing.record.key() + " was dropped: the queue is full");
            }
        }
    }

    private void problem(String reason) {
        if (failing.compareAndSet(false, true)) {
            status.onBrokerProblem(reason);
        }
    }

    /** Sends what is queued and flushes it, for at most a few seconds, and closes the producer. */
    @Override
    public void close() {
        closed = true;
        try {
            sender.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(3));
    }

    /**
     * @param snapshot the SNAPSHOT to copy to the snapshots topic once delivered, or null
     * @param lost     run when the record is not delivered
     */
    private record Outgoing(ProducerRecord<String, byte[]> record, BookEvent snapshot, Runnable lost) {
    }
}
