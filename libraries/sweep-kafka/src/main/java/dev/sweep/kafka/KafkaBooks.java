package dev.sweep.kafka;

import dev.sweep.core.BookCut;
import dev.sweep.core.Instrument;
import dev.sweep.feed.BookCopies;
import dev.sweep.feed.BookStateChange;
import dev.sweep.feed.BookView;
import dev.sweep.feed.LiveBooks;
import dev.sweep.feed.StateListeners;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * The books of some venues and instruments rebuilt from Kafka (FORMAT.md), one reader thread for all: each book's
 * latest snapshot from the snapshots topic, then the events topic from that snapshot's offset on, applied by
 * {@link RebuiltBook}'s rules. It keeps no consumer-group offsets: every start begins at the snapshots. A book that
 * lost events is rebuilt the same way, from its latest snapshot when that is past the loss.
 */
public final class KafkaBooks implements LiveBooks {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration TOPIC_BACKOFF = Duration.ofSeconds(1);

    private final KafkaSettings settings;
    private final List<String> venues;
    private final Map<String, RebuiltBook> books = new LinkedHashMap<>();
    private final StateListeners stateListeners = new StateListeners();
    private final KafkaConsumer<String, byte[]> consumer;
    /** Reads a book's latest snapshot when it lost events, leaving the events' positions alone; made when needed. */
    private KafkaConsumer<String, byte[]> snapshotReader;
    private List<TopicPartition> snapshotPartitions = List.of();
    private final KafkaTopics.Pause pause;
    private final Thread reader;
    private Consumer<BookEvent> applied = event -> { };
    private volatile boolean closed;

    public KafkaBooks(KafkaSettings settings, List<String> venues, List<Instrument> instruments) {
        this(settings, venues, instruments, KafkaTopics.Pause.SLEEP);
    }

    /**
     * @param pause how the reader waits between two tries at the topics: the one backoff of the reader
     */
    KafkaBooks(KafkaSettings settings, List<String> venues, List<Instrument> instruments, KafkaTopics.Pause pause) {
        this.settings = settings;
        this.pause = pause;
        this.venues = List.copyOf(venues);
        for (String venue : venues) {
            for (Instrument instrument : instruments) {
                books.put(BookEvent.key(venue, instrument.symbol()), new RebuiltBook(venue, instrument,
                        stateListeners));
            }
        }
        this.consumer = new KafkaConsumer<>(properties(settings), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.reader = new Thread(this::read, "kafka-reader");
        reader.setDaemon(true);
    }

    private static Properties properties(KafkaSettings settings) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The publisher creates the topics with their cleanup policies; one the broker made for a reader has none.
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // An offset the events topic no longer holds: from its oldest; the sequence numbers show what was lost.
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        return properties;
    }

    /**
     * Shows {@code observer} every event read for a followed book, on the reader thread, once the book has taken it:
     * for measuring how far the books are behind the publisher. Set it before {@link #start()}.
     */
    public KafkaBooks onApplied(Consumer<BookEvent> observer) {
        this.applied = observer;
        return this;
    }

    public KafkaBooks start() {
        reader.start();
        return this;
    }

    private void read() {
        try {
            while (!closed && !begin()) {
                if (pause.pause(TOPIC_BACKOFF.toMillis())) {
                    return;
                }
            }
            while (!closed) {
                apply(consumer.poll(POLL));
                long now = System.nanoTime();
                books.values().forEach(book -> book.checkSilence(now, settings.staleAfter().toNanos(),
                        "no events from Kafka for " + settings.staleAfter().toSeconds() + " s"));
            }
        } catch (WakeupException | InterruptException e) {
            // Closing.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(1));
            if (snapshotReader != null) {
                snapshotReader.close(Duration.ofSeconds(1));
            }
        }
    }

    /**
     * Loads each book's latest snapshot and seeks each partition of the events topic to the oldest event a book
     * needs after its snapshot (to the end where no book has one: they wait for the next SNAPSHOT).
     *
     * @return false when a topic is missing or the brokers did not answer in time: every book says so, and the caller
     *         backs off and tries again
     */
    private boolean begin() {
        try {
            List<TopicPartition> events = partitions(settings.eventsTopic());
            if (events == null) {
                return false;
            }
            List<TopicPartition> snapshots = partitions(settings.snapshotsTopic());
            if (snapshots == null) {
                return false;
            }
            Map<String, BookEvent> latest = latestSnapshots(consumer, snapshots);
            snapshotPartitions = snapshots;
            long now = System.nanoTime();
            latest.forEach((key, snapshot) -> {
                books.get(key).apply(snapshot, now);
                books.get(key).nextOffset = snapshot.eventsOffset() + 1;
            });
            consumer.assign(events);
            Map<TopicPartition, Long> ends = consumer.endOffsets(events);
            for (TopicPartition partition : events) {
                long start = ends.get(partition);
                for (BookEvent snapshot : latest.values()) {
                    if (partition(snapshot.key(), events.size()) == partition.partition()) {
                        start = Math.min(start, snapshot.eventsOffset() + 1);
                    }
                }
                consumer.seek(partition, start);
            }
            return true;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            String why = "cannot read the topics from " + settings.bootstrap() + ": " + e.getMessage();
            books.values().forEach(book -> book.waiting(why));
            return false;
        }
    }

    /** The topic's partitions, or null when it does not exist yet or cannot be read: every book says why. */
    private List<TopicPartition> partitions(String topic) {
        String why;
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos != null && !infos.isEmpty()) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (PartitionInfo info : infos) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
                partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
                return partitions;
            }
            why = "waiting for the topic " + topic + " on " + settings.bootstrap();
        } catch (KafkaException e) {
            if (e instanceof WakeupException || e instanceof InterruptException) {
                throw e;
            }
            why = "cannot read the topic " + topic + " from " + settings.bootstrap() + ": " + e.getMessage();
        }
        String reason = why;
        books.values().forEach(book -> book.waiting(reason));
        return null;
    }

    /** Reads partitions of the snapshots topic to their end: the last snapshot of each book followed there. */
    private Map<String, BookEvent> latestSnapshots(KafkaConsumer<String, byte[]> reader,
                                                   List<TopicPartition> partitions) {
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
        Map<String, BookEvent> latest = new HashMap<>();
        while (partitions.stream().anyMatch(partition -> reader.position(partition) < ends.get(partition))) {
            for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                if (books.containsKey(record.key())) {
                    BookEvent snapshot = decode(record);
                    if (snapshot != null) {
                        latest.put(record.key(), snapshot);
                    }
                }
            }
            if (closed) {
                break;
            }
        }
        return latest;
    }

    private void apply(ConsumerRecords<String, byte[]> records) {
        long now = System.nanoTime();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                RebuiltBook book = books.get(record.key());
                if (book == null || record.offset() < book.nextOffset) {
                    continue;
                }
                book.nextOffset = record.offset() + 1;
                BookEvent event = decode(record);
                if (event == null) {
                    continue;
                }
                boolean lost = book.apply(event, now);
                applied.accept(event);
                if (lost && rebuild(book, record, now)) {
                    // The partition's records come again from the snapshot on: the rest of this batch with them.
                    break;
                }
            }
        }
    }

    /**
     * Rebuilds a book that lost events from its latest snapshot, when that is past the loss, and reads its events
     * from the snapshot's offset on (the other books of the partition skip what they applied already).
     *
     * @return whether the partition was sought back, before the record that showed the loss
     */
    private boolean rebuild(RebuiltBook book, ConsumerRecord<String, byte[]> record, long now) {
        BookEvent snapshot = latestSnapshot(record.key());
        if (snapshot == null || !book.rebuild(snapshot, now)) {
            return false;
        }
        book.nextOffset = snapshot.eventsOffset() + 1;
        if (book.nextOffset > record.offset()) {
            return false;
        }
        consumer.seek(new TopicPartition(record.topic(), record.partition()), book.nextOffset);
        return true;
    }

    /** The book's latest snapshot on the snapshots topic, or null when there is none or the brokers did not answer. */
    private BookEvent latestSnapshot(String key) {
        if (snapshotPartitions.isEmpty()) {
            return null;
        }
        if (snapshotReader == null) {
            snapshotReader = new KafkaConsumer<>(properties(settings), new StringDeserializer(),
                    new ByteArrayDeserializer());
        }
        TopicPartition partition = snapshotPartitions.get(partition(key, snapshotPartitions.size()));
        try {
            return latestSnapshots(snapshotReader, List.of(partition)).get(key);
        } catch (KafkaException e) {
            if (e instanceof WakeupException || e instanceof InterruptException) {
                throw e;
            }
            // The book stays BROKEN until the next snapshot on the events topic.
            return null;
        }
    }

    /** The event, or null for a record of another version or broken: its book learns from the gap it leaves. */
    private static BookEvent decode(ConsumerRecord<String, byte[]> record) {
        try {
            return BookEventCodec.decode(record.value());
        } catch (BookEventFormatException e) {
            return null;
        }
    }

    /** The partition the producer's default partitioner gives a key: the same on both topics. */
    private static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public List<BookView> views(Instrument instrument, BookCut cut, BookCopies copies) {
        List<BookView> views = new ArrayList<>();
        long now = System.nanoTime();
        for (String venue : venues) {
            RebuiltBook book = books.get(BookEvent.key(venue, instrument.symbol()));
            if (book == null) {
                throw new IllegalArgumentException("no " + instrument + " book of " + venue + " is followed");
            }
            views.add(book.view(cut, copies.of(venue, instrument), now));
        }
        return views;
    }

    @Override
    public void addStateListener(Consumer<BookStateChange> listener) {
        stateListeners.add(listener);
    }

    @Override
    public void removeStateListener(Consumer<BookStateChange> listener) {
        stateListeners.remove(listener);
    }

    @Override
    public void close() {
        closed = true;
        if (!reader.isAlive()) {
            consumer.close(Duration.ZERO);
            return;
        }
        consumer.wakeup();
        try {
            reader.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
