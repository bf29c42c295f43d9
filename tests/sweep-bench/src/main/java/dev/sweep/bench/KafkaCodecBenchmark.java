package dev.sweep.bench;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.Side;
import dev.sweep.kafka.BookEvent;
import dev.sweep.kafka.BookEventCodec;
import dev.sweep.kafka.BookPublisher;
import dev.sweep.kafka.KafkaSettings;
import dev.sweep.kafka.LevelChange;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.FeedListener;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.Venues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding and decoding one book event of the Kafka topics (sweep-kafka's FORMAT.md): a DELTA of a few levels, as
 * most of the stream is, and a SNAPSHOT of 1,000 levels; and a publisher's whole path for one venue frame of that many
 * level changes, from the feed's book listener to the encoded event handed to the sink ({@code publish}: with
 * {@code -prof gc}, 0 bytes per operation).
 *
 * <p>Run: {@code java -jar tests/sweep-bench/target/benchmarks.jar KafkaCodecBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class KafkaCodecBenchmark {

    /** Levels in the event: 3 for a DELTA, 1000 for a SNAPSHOT. */
    @Param({"3", "1000"})
    public int levels;

    private BookEvent event;
    private byte[] encoded;
    private BookListener publisher;
    private VenueBook book;
    private long published;

    @Setup
    public void setUp() {
        List<LevelChange> changes = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            Side side = i % 2 == 0 ? Side.BID : Side.ASK;
            long cents = 9_500_000 + (side == Side.BID ? -1 : 1) * (i / 2 + 1);
            changes.add(new LevelChange(side, cents * 1_000_000, (i * 7_919L % 50_000 + 1) * 1_000_000));
        }
        BookEvent.Type type = levels > 3 ? BookEvent.Type.SNAPSHOT : BookEvent.Type.DELTA;
        event = new BookEvent(type, "venue", "BTC-USD", 1_764_300_000_000L, 4711, BookEvent.NONE,
                System.currentTimeMillis() * 1_000_000L, BookEvent.NONE, 8, 10, changes, BookState.LIVE, "",
                BookEvent.NONE);
        encoded = BookEventCodec.encode(event);
        // Snapshots by count only, as a steady stream of frames writes them; no heartbeat thread needed.
        KafkaSettings settings = KafkaSettings.of("127.0.0.1:9").withSnapshots(1_000, Duration.ofDays(1))
                .withHeartbeatInterval(Duration.ofDays(1));
        Venue venue = Venues.all().get(0);
        book = new VenueBooks(venue, List.of(Instrument.of("BTC-USD")), 0, new FeedListener() { }).get(0);
        publisher = new BookPublisher(settings, (key, bytes, length, toSnapshots, lost) -> published += length)
                .listenerFor(venue);
        publisher.onSnapshot(book);
        for (LevelChange change : changes) {
            publisher.onLevel(book, change.side(), change.price(), change.size());
        }
        publisher.onApplied(book, System.nanoTime(), BookListener.NONE, BookListener.NONE);
    }

    @Benchmark
    public byte[] encode() {
        return BookEventCodec.encode(event);
    }

    @Benchmark
    public BookEvent decode() {
        return BookEventCodec.decode(encoded);
    }

    /** One frame's level changes published: staged, applied to the publisher's book, encoded, handed to the sink. */
    @Benchmark
    public long publish() {
        for (LevelChange change : event.levels()) {
            publisher.onLevel(book, change.side(), change.price(), change.size());
        }
        publisher.onApplied(book, System.nanoTime(), BookListener.NONE, BookListener.NONE);
        return published;
    }
}
