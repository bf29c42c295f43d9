package dev.sweep.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sweep.core.BookCut;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.feed.BookCopies;
import dev.sweep.feed.BookStateChange;
import dev.sweep.feed.BookView;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.Venues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The simulator's books published to a real KRaft broker in this JVM and rebuilt from it: every reader's books equal
 * the simulator's truth, through a late start, a publisher's restart and a gap on the topic.
 */
@ExtendWith(SharedBroker.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KafkaBooksTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    /** The venues that list BTC-USD (a venue quoting in USDT has no such book to publish). */
    private static final List<Venue> VENUES = Venues.listing(BTC_USD);
    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * How soon a reader calls a book stale in the tests that wait for that to happen; the others keep 2 s, room for a
     * heartbeat that comes late on a busy machine.
     */
    private static final Duration QUICK_STALE = Duration.ofSeconds(1);
    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static Broker broker;

    private final Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(100));
    private final List<AutoCloseable> running = new ArrayList<>();
    private KafkaSettings settings;

    @BeforeAll
    static void shareBroker(Broker shared) {
        broker = shared;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
        simulator.close();
    }

    /** Topics of the test's own, so that no test reads another's events. */
    private KafkaSettings settings() {
        if (settings == null) {
            settings = KafkaSettings.of(broker.bootstrap()).withTopicPrefix("test" + TOPICS.incrementAndGet())
                    .withSnapshots(50, Duration.ofMillis(500)).withStaleAfter(Duration.ofSeconds(2))
                    .withHeartbeatInterval(Duration.ofMillis(250));
        }
        return settings;
    }

    @Test
    void aReadersBooksEqualTheSimulatorsTruth() throws Exception {
        publish(VENUES);
        KafkaBooks books = read(VENUES);

        awaitTruth(books, VENUES);
    }

    @Test
    void aLateReaderRebuildsTheBooksFromTheSnapshotsTopic() throws Exception {
        // Heartbeats every 100 ms: one that comes late still has 0.9 s before the reader would call its book stale.
        settings = settings().withStaleAfter(QUICK_STALE).withHeartbeatInterval(Duration.ofMillis(100));
        publish(VENUES);
        awaitTruth(read(VENUES), VENUES);

        // The market stands still: no venue frame, so no event, comes after the snapshots already written.
        KafkaBooks late = read(VENUES);

        awaitTruth(late, VENUES);
        // Longer than a reader waits for events before it calls a book stale: the publisher's heartbeats keep it live.
        Thread.sleep(settings().staleAfter().toMillis() + 500);
        assertThat(late.views(BTC_USD, BookCut.WHOLE, new BookCopies())).extracting(BookView::state)
                .containsOnly(BookState.LIVE);
    }

    @Test
    void aRestartedPublishersNewEpochIsFollowed() throws Exception {
        settings = settings().withStaleAfter(QUICK_STALE);
        SimPublisher first = publish(VENUES);
        KafkaBooks books = read(VENUES);
        awaitTruth(books, VENUES);
        first.close();
        // A publisher that is gone sends no heartbeat: its books go stale.
        await(books, "every book STALE", view -> view.state() == BookState.STALE);
        simulator.resume();
        simulator.advance(200);

        publish(VENUES);

        awaitTruth(books, VENUES);
    }

    @Test
    void aGapOnTheTopicBreaksTheBookUntilTheNextSnapshot() throws Exception {
        publish(VENUES);
        List<BookEvent> applied = new CopyOnWriteArrayList<>();
        KafkaBooks books = new KafkaBooks(settings(), VENUES.stream().map(Venue::name).toList(), List.of(BTC_USD))
                .onApplied(applied::add);
        running.add(0, books);
        books.start();
        List<BookStateChange> changes = new CopyOnWriteArrayList<>();
        books.addStateListener(changes::add);
        awaitTruth(books, VENUES);
        BookEvent last = lastEvent("kraken:BTC-USD");

        write(new BookEvent(BookEvent.Type.DELTA, "kraken", "BTC-USD", last.epoch(), last.seq() + 1_000, BookEvent.NONE,
                last.receiveNanos(), BookEvent.NONE, last.priceScale(), last.sizeScale(), List.of(), BookState.LIVE,
                "", BookEvent.NONE));

        await(books, "kraken BROKEN", view -> !view.venue().equals("kraken") || view.state() == BookState.BROKEN);
        // Heartbeats may have followed the last event read before the gap was written: the book lost events after the
        // last one it took in the epoch, that one or a heartbeat after it.
        List<Long> seqs = applied.stream().filter(event -> event.key().equals("kraken:BTC-USD")
                && event.epoch() == last.epoch()).map(BookEvent::seq).toList();
        long before = seqs.get(seqs.lastIndexOf(last.seq() + 1_000) - 1);
        assertThat(before).isGreaterThanOrEqualTo(last.seq());
        assertThat(changes).filteredOn(change -> change.to() == BookState.BROKEN).singleElement()
                .satisfies(change -> assertThat(change.venue()).isEqualTo("kraken"))
                .extracting(BookStateChange::reason)
                .isEqualTo("lost events on Kafka: seq " + (last.seq() + 1_000) + " after " + before);
        assertThat(view(books, "kraken").book().bids().depth()).isZero();
        simulator.resume();
        awaitTruth(books, VENUES);
    }

    @Test
    void aBookThatLostEventsIsRebuiltFromItsLatestSnapshotOnTheSnapshotsTopic() throws Exception {
        KafkaTopics.ensure(settings(), KafkaStatus.NONE, KafkaTopics.Pause.SLEEP);
        BookEvent first = BookEvents.levels(BookEvent.Type.SNAPSHOT, "kraken", 7, 1,
                List.of(new LevelChange(Side.BID, 100, 5), new LevelChange(Side.ASK, 101, 6)));
        write(settings().snapshotsTopic(), first.at(write(settings().eventsTopic(), first)));
        KafkaBooks books = new KafkaBooks(settings(), List.of("kraken"), List.of(BTC_USD));
        running.add(0, books);
        List<BookStateChange> changes = new CopyOnWriteArrayList<>();
        books.addStateListener(changes::add);
        books.start();
        await(books, "kraken live", BookView::isLive);

        write(BookEvents.levels(BookEvent.Type.DELTA, "kraken", 7, 2, List.of(new LevelChange(Side.BID, 99, 1))));
        write(BookEvents.levels(BookEvent.Type.DELTA, "kraken", 7, 3, List.of(new LevelChange(Side.BID, 100, 0))));
        // The SNAPSHOT of seq 4 is unreadable on the events topic (as one of another version would be); its copy on
        // the snapshots topic is whole.
        long unreadable = write(settings().eventsTopic(), "kraken:BTC-USD", new byte[] {9});
        BookEvent fourth = BookEvents.levels(BookEvent.Type.SNAPSHOT, "kraken", 7, 4,
                List.of(new LevelChange(Side.BID, 98, 2), new LevelChange(Side.ASK, 102, 3)));
        write(settings().snapshotsTopic(), fourth.at(unreadable));
        write(BookEvents.levels(BookEvent.Type.DELTA, "kraken", 7, 5, List.of(new LevelChange(Side.ASK, 101, 4))));

        await(books, "kraken rebuilt", view -> view.isLive() && view.book().asks().depth() == 2);
        BookView view = view(books, "kraken");
        assertThat(List.of(view.book().bids().price(0), view.book().bids().size(0), view.book().asks().price(0),
                view.book().asks().size(0), view.book().asks().price(1), view.book().asks().size(1)))
                .containsExactly(98L, 2L, 101L, 4L, 102L, 3L);
        assertThat(changes).extracting(BookStateChange::to, BookStateChange::reason).containsExactly(
                tuple(BookState.LIVE, "1 bids, 1 asks from Kafka"),
                tuple(BookState.BROKEN, "lost events on Kafka: seq 5 after 3"),
                tuple(BookState.LIVE, "1 bids, 1 asks from Kafka"));
    }

    @Test
    void aReaderThatBeganBetweenASnapshotAndItsCopyRebuildsTheBookFromTheCopy() throws Exception {
        KafkaTopics.ensure(settings(), KafkaStatus.NONE, KafkaTopics.Pause.SLEEP);
        BookEvent snapshot = BookEvents.levels(BookEvent.Type.SNAPSHOT, "kraken", 7, 1,
                List.of(new LevelChange(Side.BID, 100, 5), new LevelChange(Side.ASK, 101, 6)));
        long offset = write(settings().eventsTopic(), snapshot);
        List<BookEvent> read = new CopyOnWriteArrayList<>();
        KafkaBooks books = new KafkaBooks(settings(), List.of("kraken"), List.of(BTC_USD)).onApplied(read::add);
        running.add(0, books);
        books.start();
        // The publisher's heartbeats, until the reader reads one: it began after the SNAPSHOT and found no copy.
        long seq = 1;
        while (read.isEmpty()) {
            write(BookEvents.state("kraken", "BTC-USD", 7, ++seq, BookState.LIVE, "1 bids, 1 asks"));
        }
        assertThat(view(books, "kraken").state()).isEqualTo(BookState.SYNCING);

        write(settings().snapshotsTopic(), snapshot.at(offset));
        write(BookEvents.levels(BookEvent.Type.DELTA, "kraken", 7, seq + 1, List.of(new LevelChange(Side.BID, 99, 1))));

        await(books, "kraken rebuilt", view -> view.isLive() && view.book().bids().depth() == 2);
        BookView view = view(books, "kraken");
        assertThat(List.of(view.book().bids().price(0), view.book().bids().size(0), view.book().bids().price(1),
                view.book().bids().size(1), view.book().asks().price(0), view.book().asks().size(0)))
                .containsExactly(100L, 5L, 99L, 1L, 101L, 6L);
    }

    @Test
    void readersStartedAsThePublisherBeginsEqualTheTruthWithoutItsPeriodicSnapshots() throws Exception {
        // A SNAPSHOT at each sync only: a reader that began after one and before its copy has no next one to wait for.
        settings = settings().withSnapshots(Integer.MAX_VALUE, Duration.ofDays(1));
        KafkaTopics.ensure(settings(), KafkaStatus.NONE, KafkaTopics.Pause.SLEEP);
        List<KafkaBooks> readers = new ArrayList<>(List.of(read(VENUES)));
        publish(VENUES);
        // More readers as the feeds connect and sync: one of them may begin between a SNAPSHOT and its copy.
        for (int reader = 0; reader < 3; reader++) {
            Thread.sleep(40);
            readers.add(read(VENUES));
        }

        for (KafkaBooks reader : readers) {
            awaitTruth(reader, VENUES);
        }
    }

    @Test
    void aBrokerStoppedMidStreamShowsNoWrongBookAndTheBooksRecoverWhenItIsBack() throws Exception {
        settings = settings().withStaleAfter(QUICK_STALE);
        publish(VENUES);
        KafkaBooks books = read(VENUES);
        awaitTruth(books, VENUES);
        simulator.resume();
        broker.stopBroker();
        try {
            await(books, "every book STALE", view -> view.state() == BookState.STALE);
            assertThat(view(books, "kraken").lastProblem())
                    .isEqualTo("no events from Kafka for " + settings().staleAfter().toSeconds() + " s");
        } finally {
            broker.startBroker();
        }

        awaitTruth(books, VENUES);
    }

    @Test
    void twoPublishersAndThreeReadersAllAgree() throws Exception {
        List<Venue> all = VENUES;
        publish(all.subList(0, 1));
        publish(all.subList(1, all.size()));
        List<KafkaBooks> readers = List.of(read(all), read(all), read(all));

        for (KafkaBooks reader : readers) {
            awaitTruth(reader, all);
        }
    }

    @Test
    void aReaderStartedBeforeTheTopicsBacksOffOnceBetweenTriesAndReadsThemOnceTheyExist() throws Exception {
        List<Long> pauses = new CopyOnWriteArrayList<>();
        KafkaBooks books = new KafkaBooks(settings(), List.of("kraken"), List.of(BTC_USD), millis -> {
            pauses.add(millis);
            Thread.sleep(10);
            return false;
        });
        running.add(0, books);
        books.start();
        while (pauses.size() < 3) {
            Thread.sleep(10);
        }
        assertThat(view(books, "kraken").lastProblem())
                .isEqualTo("waiting for the topic " + settings().eventsTopic() + " on " + broker.bootstrap());

        KafkaTopics.ensure(settings(), KafkaStatus.NONE, KafkaTopics.Pause.SLEEP);
        // A reader that begins between a SNAPSHOT and its copy on the snapshots topic waits for the next: write more.
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (long epoch = 1; !view(books, "kraken").isLive(); epoch++) {
            assertThat(System.nanoTime()).as("kraken live").isLessThan(deadline);
            BookEvent snapshot = BookEvents.levels(BookEvent.Type.SNAPSHOT, "kraken", epoch, 1,
                    List.of(new LevelChange(Side.BID, 100, 5), new LevelChange(Side.ASK, 101, 6)));
            write(settings().snapshotsTopic(), snapshot.at(write(settings().eventsTopic(), snapshot)));
            Thread.sleep(200);
        }

        assertThat(pauses).containsOnly(1_000L);
    }

    @Test
    void aBookNoPublisherWritesSaysSoOnceTheTopicsExist() throws Exception {
        KafkaTopics.ensure(settings(), KafkaStatus.NONE, KafkaTopics.Pause.SLEEP);

        KafkaBooks books = read(List.of(Venues.byName("kraken").orElseThrow()));

        await(books, "the reason of a book without a snapshot", view -> view.lastProblem().equals(
                "the topics exist; waiting for this book's first snapshot on " + settings().snapshotsTopic()
                        + " (is a publisher writing it?)"));
    }

    private SimPublisher publish(List<Venue> venues) throws InterruptedException {
        SimPublisher publisher = new SimPublisher(simulator, venues, List.of(BTC_USD), settings());
        running.add(publisher);
        return publisher;
    }

    private KafkaBooks read(List<Venue> venues) {
        KafkaBooks books = new KafkaBooks(settings(), venues.stream().map(Venue::name).toList(), List.of(BTC_USD));
        running.add(0, books);
        return books.start();
    }

    /** Waits for every book to be live, stops the market, and waits for every book to equal its truth. */
    private void awaitTruth(KafkaBooks books, List<Venue> venues) throws InterruptedException {
        await(books, "every book live", BookView::isLive);
        simulator.pause();
        for (Venue venue : venues) {
            OrderBook truth = simulator.truth(venue.name(), BTC_USD);
            await(books, venue.name() + " equal to the truth", view -> !view.venue().equals(venue.name())
                    || view.isLive() && VenueHarness.sameLevels(view.book(), truth));
        }
    }

    private static void await(KafkaBooks books, String what, Predicate<BookView> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!books.views(BTC_USD, BookCut.WHOLE, new BookCopies()).stream().allMatch(condition)) {
            assertThat(System.nanoTime()).as(what + ": " + books.views(BTC_USD, BookCut.WHOLE, new BookCopies()))
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static BookView view(KafkaBooks books, String venue) {
        return books.views(BTC_USD, BookCut.WHOLE, new BookCopies()).stream()
                .filter(view -> view.venue().equals(venue)).findFirst().orElseThrow();
    }

    /** The last event of a key on the events topic, read as any client could. */
    private BookEvent lastEvent(String key) {
        BookEvent last = null;
        for (ConsumerRecord<String, byte[]> record : Topics.read(broker.bootstrap(), settings().eventsTopic())) {
            if (record.key().equals(key)) {
                last = BookEventCodec.decode(record.value());
            }
        }
        return last;
    }

    private void write(BookEvent event) throws Exception {
        write(settings().eventsTopic(), event);
    }

    /** Writes one event as any client could, returning its offset. */
    private long write(String topic, BookEvent event) throws Exception {
        return write(topic, event.key(), BookEventCodec.encode(event));
    }

    private long write(String topic, String key, byte[] value) throws Exception {
        return Topics.write(broker.bootstrap(), topic, key, value);
    }
}
