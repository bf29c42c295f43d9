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
 * wants a snapshot is rebuilt the same way, from its latest snapshot when that is past the loss: one that lost events,
 * or that began after the SNAPSHOT its events follow (the reader read the snapshots topic before that SNAPSHOT's copy
 * was there) and would otherwise wait for the next.
 */
public final class KafkaBooks implements LiveBooks {

    /** The longest a poll of a topic waits for records. */
    static final Duration POLL = Duration.ofMillis(100);
    private static final Duration TOPIC_BACKOFF = Duration.ofSeconds(1);
    /** How often a book that wants a snapshot reads its partition of the snapshots topic again, after the first time. */
    private static final Duration SNAPSHOT_RETRY = Duration.ofMillis(500);

    private final KafkaSettings settings;
    private final List<String> venues;
    private final Map<String, RebuiltBook> books = new LinkedHashMap<>();
    private final StateListeners stateListeners = new StateListeners();
    private final KafkaConsumer<String, byte[]> consumer;
    /** Read with a consumer of their own, which leaves the events' positions alone. */
    private final LatestSnapshots snapshots;
    private List<TopicPartition> eventPartitions = List.of();
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
        this.snapshots = new LatestSnapshots(new KafkaConsumer<>(properties(settings), new StringDeserializer(),
                new ByteArrayDeserializer()), books.keySet(), () -> closed);
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
            String silent = "no events from Kafka for " + settings.staleAfter().toSeconds() + " s";
            while (!closed) {
                apply(consumer.poll(POLL));
                long now = System.nanoTime();
                for (Map.Entry<String, RebuiltBook> book : books.entrySet()) {
                    book.getValue().checkSilence(now, settings.staleAfter().toNanos(), silent);
                    book.getValue().snapshotWanted().ifPresent(since -> rebuild(book.getKey(), book.getValue(),
                            since, now));
                }
            }
        } catch (WakeupException | InterruptException e) {
            // Closing.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(1));
            snapshots.close();
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
            List<TopicPartition> snapshotPartitions = partitions(settings.snapshotsTopic());
            if (snapshotPartitions == null) {
                return false;
            }
            long now = System.nanoTime();
            Map<String, BookEvent> latest = snapshots.readAll(snapshotPartitions, now);
            eventPartitions = events;
            String unpublished = "the topics exist; waiting for this book's first snapshot on "
                    + settings.snapshotsTopic() + " (is a publisher writing it?)";
            books.forEach((key, book) -> {
                if (!latest.containsKey(key)) {
                    book.waiting(unpublished);
                }
            });
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

    private void apply(ConsumerRecords<String, byte[]> records) {
        long now = System.nanoTime();
        for (ConsumerRecord<String, byte[]> record : records) {
            RebuiltBook book = books.get(record.key());
            if (book == null || record.offset() < book.nextOffset) {
                continue;
            }
            book.nextOffset = record.offset() + 1;
            BookEvent event = decode(record);
            if (event != null) {
                book.apply(event, now);
                applied.accept(event);
            }
        }
    }

    /**
     * Rebuilds a book that wants a snapshot from its latest on the snapshots topic, when that is past the loss, and
     * reads its events from the snapshot's offset on (the other books of the partition skip what they applied
     * already). The partition of the snapshots topic is read again when it was not read since the book wanted a
     * snapshot, and then every {@link #SNAPSHOT_RETRY}: the copy of a SNAPSHOT follows it on the events topic.
     */
    private void rebuild(String key, RebuiltBook book, long wantedSinceNanos, long now) {
        BookEvent snapshot;
        try {
            long retry = now - SNAPSHOT_RETRY.toNanos();
            long readSince = wantedSinceNanos - retry > 0 ? wantedSinceNanos : retry;
            snapshot = snapshots.latest(key, readSince, now);
        } catch (KafkaException e) {
            if (e instanceof WakeupException || e instanceof InterruptException) {
                throw e;
            }
            // The book waits for its next SNAPSHOT on the events topic, or for the next try.
            return;
        }
        if (snapshot == null || !book.rebuild(snapshot, now)) {
            return;
        }
        book.nextOffset = snapshot.eventsOffset() + 1;
        TopicPartition partition = eventPartitions.get(partition(key, eventPartitions.size()));
        if (book.nextOffset < consumer.position(partition)) {
            consumer.seek(partition, book.nextOffset);
        }
    }

    /** The event, or null for a record of another version or broken: its book learns from the gap it leaves. */
    static BookEvent decode(ConsumerRecord<String, byte[]> record) {
        try {
            return BookEventCodec.decode(record.value());
        } catch (BookEventFormatException e) {
            return null;
        }
    }

    /** The partition the producer's default partitioner gives a key: the same on both topics. */
    static int partition(String key, int partitions) {
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
            snapshots.close();
            return;
        }
        consumer.wakeup();
        snapshots.wakeup();
        try {
            reader.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
