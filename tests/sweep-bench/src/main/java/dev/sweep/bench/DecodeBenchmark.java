package dev.sweep.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.core.BookState;
import dev.sweep.core.OrderBook;
import dev.sweep.venue.FeedAdapter;
import dev.sweep.venue.FeedListener;
import dev.sweep.venue.StateCause;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.Venues;
import dev.sweep.venue.json.JsonCursor;
import dev.sweep.venue.json.JsonCursor.Token;
import java.io.IOException;
import java.util.Arrays;
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
 * Decode + apply of one update frame per operation, for every registered venue, on a 1,000-level book, with the
 * venue's integrity check (Kraken: its checksum; Coinbase: its sequence numbers; Binance: its update ids, spliced
 * into the REST snapshot each new connection asks for). The frames are the venue's own server side's. Each is first
 * copied into one reused array, as the feed connection copies every frame it receives, so that it is read from memory
 * the copy just touched, as on the wire, and not from wherever the stream's 16,384 frames lie, which is more than the
 * caches hold; every benchmark here pays that copy.
 *
 * <p>The baselines in the same run read the same frames and do nothing with them: Jackson reading each into a tree with
 * {@code BigDecimal} numbers (what a client built on a JSON library does), Jackson's streaming parser walking its
 * tokens (the fastest way to read JSON with Jackson), and Sweep's own cursor walking its tokens (the parse floor: what
 * decoding costs before anything is done with a value).
 *
 * <p>Run: {@code java -jar tests/sweep-bench/target/benchmarks.jar DecodeBenchmark -prof gc} (every venue), or add
 * {@code -p venue=kraken} for one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DecodeBenchmark {

    private static final int LEVELS = 1000;
    /**
     * 16,384 frames a cycle: each cycle ends on a new connection (below), whose adapter, 2 to 3 KB, is then under
     * 0.2 bytes a frame, so that the B/op read is the steady state's (0) and not the reconnection's.
     */
    private static final int PAIRS = 8192;

    /** Stands for every registered venue until the runner replaces it with their names. */
    static final String EVERY_VENUE = "every";

    /**
     * A registered venue's name. JMH wants a constant here; {@link Benchmarks} and {@link BenchReport} replace it with
     * the registry's names, so that every venue is measured and none is named.
     */
    @Param(EVERY_VENUE)
    public String venue;

    private final ObjectMapper jackson = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final FailureCounter failures = new FailureCounter();
    private Venue registered;
    private UpdateStream stream;
    private byte[][] frames;
    /** Where each frame is read from, after {@link #receive} copied it there. */
    private byte[] received;
    private int receivedLength;
    private final JsonFactory jsonFactory = new JsonFactory();
    private final JsonCursor cursor = new JsonCursor();
    private FeedAdapter adapter;
    private VenueBooks books;
    private int next;

    /** The venues measured: every registered one. */
    static List<String> venues() {
        return Venues.names();
    }

    @Setup(Level.Trial)
    public void setUp() {
        registered = Venues.byName(venue).orElseThrow(() -> new IllegalArgumentException("no venue '" + venue
                + "' (venues: " + String.join(", ", Venues.names()) + "): run with the benchmark jar's own main, or"
                + " -p venue=NAME"));
        stream = UpdateStream.of(registered, LEVELS, PAIRS, 42);
        frames = stream.updates;
        received = new byte[Arrays.stream(frames).mapToInt(frame -> frame.length).max().orElse(0)];
        books = registered.newBooks(List.of(UpdateStream.BTC_USD), failures);
        adapter = registered.newAdapter(books);
        for (byte[] frame : stream.subscription) {
            adapter.onFrame(frame, 0, frame.length, System.nanoTime());
            handSnapshotWanted();
        }
        requireLive();
    }

    @Benchmark
    public VenueBooks decodeAndApply() {
        receive();
        adapter.onFrame(received, 0, receivedLength, next);
        handSnapshotWanted();
        if (next == 0) {
            // The cycle starts again: its frames count on from where the connection began (a sequence number, a
            // chained id), so they are read as a new connection's, on the same book, which the cycle left as it was.
            // The new adapter is the only allocation, 2 to 3 KB: it stages into the books' batch, which the first
            // connection grew, so a REST venue's snapshot, which the new connection's first update asks for and
            // which is applied once per cycle, is parsed without growing a batch again; its splice starts small.
            adapter = registered.newAdapter(books);
        }
        return books;
    }

    /** Copies the next frame of the cycle into {@link #received}, as the feed connection does, and moves on. */
    private void receive() {
        byte[] frame = frames[next];
        System.arraycopy(frame, 0, received, 0, frame.length);
        receivedLength = frame.length;
        next = (next + 1) & (frames.length - 1);
    }

    /** Hands the adapter the REST snapshot it asked for, as the feed would once fetched: the stream's start. */
    private void handSnapshotWanted() {
        VenueBook wanted = failures.snapshotWanted;
        if (wanted != null) {
            failures.snapshotWanted = null;
            byte[] body = stream.restSnapshot.orElseThrow(() -> new IllegalStateException(venue
                    + " asked for a REST snapshot it does not serve"));
            adapter.onSnapshot(wanted, body, 0, body.length, next);
        }
    }

    @Benchmark
    public JsonNode jacksonReadTreeBaseline() throws IOException {
        receive();
        return jackson.readTree(received, 0, receivedLength);
    }

    /** Jackson's streaming parser over the frame, each name, string and number's text read, nothing else done. */
    @Benchmark
    public long jacksonStreamingBaseline() throws IOException {
        receive();
        long characters = 0;
        try (JsonParser parser = jsonFactory.createParser(received, 0, receivedLength)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING || token.isNumeric()) {
                    characters += parser.getTextLength();
                }
            }
        }
        return characters;
    }

    /**
     * Sweep's cursor over the frame, token by token, checking the grammar and nothing else: the parse floor. It counts
     * what the streaming baseline counts, so that both are seen to read the same frames whole.
     */
    @Benchmark
    public long cursorWalkBaseline() {
        receive();
        cursor.wrap(received, 0, receivedLength);
        long characters = 0;
        for (Token token = cursor.next(); token != Token.END; token = cursor.next()) {
            if (token == Token.ERROR) {
                throw new IllegalStateException(venue + " frame is not JSON: " + cursor.error());
            }
            if (token == Token.FIELD_NAME || token == Token.STRING || token == Token.NUMBER) {
                characters += cursor.tokenLength();
            }
        }
        return characters;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        requireLive();
    }

    /** The frames of one cycle: after each, the book is as the stream's start left it. */
    int cycleLength() {
        return frames.length;
    }

    /** The client's book, for checks of what the benchmark measured. */
    OrderBook book() {
        return books.get(0).book();
    }

    /** The book the stream's snapshot describes, which every cycle ends at. */
    OrderBook truth() {
        return stream.truth;
    }

    /** A benchmark that broke its book would be measuring the rejection path: fail loudly instead. */
    private void requireLive() {
        VenueBook book = books.get(0);
        if (book.state() != BookState.LIVE || failures.count > 0) {
            throw new IllegalStateException(venue + " book is " + book.state() + " after " + failures.count
                    + " failures, last: " + failures.last);
        }
    }

    /** Counts what should never happen in a benchmark run, and notes the REST snapshot an adapter asks for. */
    static final class FailureCounter implements FeedListener {
        long count;
        String last;
        VenueBook snapshotWanted;

        @Override
        public void onSnapshotWanted(VenueBook book, int attempt, String reason) {
            snapshotWanted = book;
        }

        @Override
        public void onBookState(VenueBook book, BookState from, BookState to, StateCause cause,
                                String reason) {
            if (to == BookState.BROKEN) {
                count++;
                last = reason;
            }
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
