package dev.sweep.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.core.BookState;
import dev.sweep.venue.Dialect;
import dev.sweep.venue.FeedAdapter;
import dev.sweep.venue.FeedListener;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode + apply of one update frame per operation, per venue, on a 1,000-level book (Kraken: with its checksum
 * verified on every frame; Coinbase: with its sequence check). The baseline in the same run is Jackson reading the
 * same frame into a tree, with {@code BigDecimal} numbers, and doing nothing with it.
 *
 * <p>Run: {@code java -jar tests/sweep-bench/target/benchmarks.jar DecodeBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DecodeBenchmark {

    private static final int LEVELS = 1000;
    private static final int PAIRS = 1024;

    @Param({"kraken", "coinbase", "gemini"})
    public String venue;

    private final ObjectMapper jackson = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final FailureCounter failures = new FailureCounter();
    private byte[][] frames;
    private SequencePatch sequence;
    private FeedAdapter adapter;
    private VenueBooks books;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Dialect dialect = switch (venue) {
            case "kraken" -> Dialect.kraken(LEVELS);
            case "coinbase" -> Dialect.coinbase(SequencePatch.FIRST - 1);
            case "gemini" -> Dialect.gemini();
            default -> throw new IllegalArgumentException(venue);
        };
        Venue venue = dialect.venue();
        UpdateStream stream = UpdateStream.of(dialect, LEVELS, PAIRS, 42);
        frames = stream.updates;
        sequence = this.venue.equals("coinbase") ? new SequencePatch(frames) : null;
        books = venue.newBooks(List.of(UpdateStream.BTC_USD), failures);
        adapter = venue.newAdapter(books);
        adapter.onFrame(stream.snapshot, 0, stream.snapshot.length, System.nanoTime());
        requireLive();
    }

    @Benchmark
    public VenueBooks decodeAndApply() {
        byte[] frame = frames[next];
        if (sequence != null) {
            sequence.stamp(frame, next);
        }
        adapter.onFrame(frame, 0, frame.length, next);
        next = (next + 1) & (frames.length - 1);
        return books;
    }

    @Benchmark
    public JsonNode jacksonReadTreeBaseline() throws IOException {
        byte[] frame = frames[next];
        next = (next + 1) & (frames.length - 1);
        return jackson.readTree(frame);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        requireLive();
    }

    /** A benchmark that broke its book would be measuring the rejection path: fail loudly instead. */
    private void requireLive() {
        VenueBook book = books.get(0);
        if (book.state() != BookState.LIVE || failures.count > 0) {
            throw new IllegalStateException(venue + " book is " + book.state() + " after " + failures.count
                    + " failures, last: " + failures.last);
        }
    }

    /** Counts what should never happen in a benchmark run. */
    static final class FailureCounter implements FeedListener {
        long count;
        String last;

        @Override
        public void onSubscribed(VenueBook book) {
        }

        @Override
        public void onBookLive(VenueBook book) {
        }

        @Override
        public void onBookBroken(VenueBook book, String reason) {
            count++;
            last = reason;
        }

        @Override
        public void onHeartbeat() {
        }

        @Override
        public void onVenueError(String message) {
            count++;
            last = message;
        }

        @Override
        public void onFrameRejected(String reason) {
            count++;
            last = reason;
        }
    }
}
