package dev.sweep.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.DialectHarness;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.Venues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RecordingTest {

    /** Names to record under: a recording holds the frames of registered venues. */
    private static final List<String> NAMES = Venues.names();

    @TempDir
    Path folder;

    record Frame(String venue, int connection, long nanos, byte[] bytes) {
    }

    record Snapshot(String venue, int connection, long nanos, String symbol, byte[] bytes) {
    }

    /** Collects what a reader delivers. */
    static class Collected implements RecordingListener {
        final List<String> subscriptions = new ArrayList<>();
        final List<Frame> frames = new ArrayList<>();
        final List<Snapshot> snapshots = new ArrayList<>();

        @Override
        public void onSubscription(String venue, List<String> symbols) {
            subscriptions.add(venue + symbols);
        }

        @Override
        public void onFrame(String venue, int connection, long receiveEpochNanos, byte[] buffer, int offset,
                            int length) {
            frames.add(new Frame(venue, connection, receiveEpochNanos, Arrays.copyOfRange(buffer, offset, offset + length)));
        }

        @Override
        public void onSnapshot(String venue, int connection, long receiveEpochNanos, String symbol, byte[] buffer,
                               int offset, int length) {
            snapshots.add(new Snapshot(venue, connection, receiveEpochNanos, symbol,
                    Arrays.copyOfRange(buffer, offset, offset + length)));
        }
    }

    @Property(tries = 50)
    void whatIsWrittenIsReadBackExactly(@ForAll @Size(max = 60) List<@Size(max = 2000) byte[]> payloads)
            throws IOException {
        Path file = Files.createTempFile("sweep", ".swr");
        try {
            try (RecordingWriter writer = RecordingWriter.create(file)) {
                writer.subscription(NAMES.get(0), List.of("BTC-USD", "ETH-USD"));
                for (int i = 0; i < payloads.size(); i++) {
                    writer.frame(NAMES.get(i % NAMES.size()), 1 + i / 10, 1_700_000_000_000_000_000L + i,
                            payloads.get(i), 0, payloads.get(i).length);
                }
            }
            Collected collected = readAll(file);
            assertThat(collected.subscriptions).containsExactly(NAMES.get(0) + "[BTC-USD, ETH-USD]");
            assertThat(collected.frames).hasSameSizeAs(payloads);
            for (int i = 0; i < payloads.size(); i++) {
                Frame frame = collected.frames.get(i);
                assertThat(frame.bytes()).isEqualTo(payloads.get(i));
                assertThat(frame.connection()).isEqualTo(1 + i / 10);
                assertThat(frame.nanos()).isEqualTo(1_700_000_000_000_000_000L + i);
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aRestSnapshotIsReadBackWhereItWasWrittenAmongTheFrames() throws IOException {
        Path file = folder.resolve("snapshots.swr");
        byte[] ack = "{\"result\":null,\"id\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] body = "{\"lastUpdateId\":7,\"bids\":[],\"asks\":[]}".getBytes(StandardCharsets.UTF_8);
        List<String> order = new ArrayList<>();
        try (RecordingWriter writer = RecordingWriter.create(file)) {
            writer.subscription("binance", List.of("BTC-USDT"));
            writer.frame("binance", 3, 10, ack, 0, ack.length);
            writer.snapshot("binance", 3, 20, "BTC-USDT", body, 0, body.length);
            writer.frame("binance", 3, 30, ack, 0, ack.length);
            assertThat(writer.frames()).isEqualTo(2);
            assertThat(writer.bytes()).isEqualTo(2L * ack.length + body.length);
        }

        Collected collected = new Collected() {
            @Override
            public void onFrame(String venue, int connection, long receiveEpochNanos, byte[] buffer, int offset,
                                int length) {
                order.add("frame " + receiveEpochNanos);
                super.onFrame(venue, connection, receiveEpochNanos, buffer, offset, length);
            }

            @Override
            public void onSnapshot(String venue, int connection, long receiveEpochNanos, String symbol,
                                   byte[] buffer, int offset, int length) {
                order.add("snapshot " + receiveEpochNanos);
                super.onSnapshot(venue, connection, receiveEpochNanos, symbol, buffer, offset, length);
            }
        };
        try (RecordingReader reader = RecordingReader.open(file)) {
            while (reader.next(collected)) {
                // collected by the listener
            }
            assertThat(reader.problem()).isNull();
            assertThat(reader.frames()).isEqualTo(2);
        }
        assertThat(order).containsExactly("frame 10", "snapshot 20", "frame 30");
        Snapshot snapshot = collected.snapshots.get(0);
        assertThat(snapshot.venue()).isEqualTo("binance");
        assertThat(snapshot.connection()).isEqualTo(3);
        assertThat(snapshot.symbol()).isEqualTo("BTC-USDT");
        assertThat(snapshot.bytes()).isEqualTo(body);
    }

    @Test
    void aRecordingCutShortIsReadUpToItsLastCompleteFrame() throws IOException {
        Path file = folder.resolve("cut.swr");
        byte[] payload = "{\"channel\":\"heartbeat\"}".getBytes(StandardCharsets.UTF_8);
        try (RecordingWriter writer = RecordingWriter.create(file)) {
            writer.subscription(NAMES.get(0), List.of("BTC-USD"));
            for (int i = 0; i < 1000; i++) {
                writer.frame(NAMES.get(0), 1, i, payload, 0, payload.length);
            }
        }
        byte[] whole = Files.readAllBytes(file);
        Path cut = folder.resolve("cut-short.swr");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 40));

        Collected collected = new Collected();
        String problem;
        long frames;
        try (RecordingReader reader = RecordingReader.open(cut)) {
            while (reader.next(collected)) {
                assertThat(collected.frames).allMatch(frame -> Arrays.equals(frame.bytes(), payload));
            }
            problem = reader.problem();
            frames = reader.frames();
        }
        assertThat(collected.frames).isNotEmpty().hasSizeLessThan(1000);
        assertThat(frames).isEqualTo(collected.frames.size());
        assertThat(problem).isEqualTo("truncated after frame " + frames + " (the file ends at byte "
                + (whole.length - 40) + ")");
    }

    @Test
    void aDamagedRecordingSaysAfterWhichFrameAndWhereInTheFile() throws IOException {
        Path file = folder.resolve("damaged.swr");
        byte[] payload = "{\"channel\":\"heartbeat\"}".getBytes(StandardCharsets.UTF_8);
        try (RecordingWriter writer = RecordingWriter.create(file)) {
            writer.subscription(NAMES.get(0), List.of("BTC-USD"));
            for (int i = 0; i < 1000; i++) {
                writer.frame(NAMES.get(0), 1, i, payload, 0, payload.length);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        // A stored block's header says how long it is: garbage there cannot be inflated.
        Arrays.fill(bytes, bytes.length / 2, bytes.length / 2 + 8, (byte) 0xFF);
        Files.write(file, bytes);

        Collected collected = new Collected();
        try (RecordingReader reader = RecordingReader.open(file)) {
            while (reader.next(collected)) {
                // collected by the listener
            }
            assertThat(reader.frames()).isEqualTo(collected.frames.size());
            assertThat(reader.problem()).matches("damaged after frame " + collected.frames.size()
                    + " \\((unreadable compressed data after byte \\d+: .+|.+ at byte \\d+ of the uncompressed"
                    + " data)\\)");
        }
    }

    @Test
    void aFileThatIsNotARecordingIsRefusedWithAReason() throws IOException {
        Path text = folder.resolve("notes.txt");
        Files.writeString(text, "not a recording");
        assertThatThrownBy(() -> RecordingReader.open(text)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a Sweep recording");
    }

    /** Every registered venue, replayed through its own adapter: the REST snapshots of Binance's too. */
    static List<Venue> venues() {
        return Venues.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("venues")
    void replayRebuildsTheBooksAndStartsAfreshOnANewConnection(Venue venue) throws IOException {
        Instrument btc = Instrument.of("BTC-USD");
        DialectHarness exchange = new DialectHarness(venue, btc.symbol());
        OrderBook truth = exchange.truth(btc);
        truth.set(Side.BID, 6_700_000_000_000L, 100_000_000L);
        truth.set(Side.ASK, 6_700_100_000_000L, 200_000_000L);
        Path file = folder.resolve("replay.swr");
        List<String> first = new ArrayList<>(exchange.connect());
        first.addAll(exchange.subscribe(List.of(btc)));
        // A venue whose WebSocket sends no snapshot asked for it on the subscription's answer: it came next.
        List<String> firstSnapshot = snapshot(exchange, btc, first);
        List<String> firstChange = exchange.change(btc, List.of(new Level(Side.BID, 6_699_900_000_000L, 50_000_000L)));
        // A reconnect: a new session, which starts its frames afresh (Coinbase numbers them from 0 again).
        List<String> second = new ArrayList<>(exchange.connect());
        second.addAll(exchange.subscribe(List.of(btc)));
        List<String> secondSnapshot = snapshot(exchange, btc, second);
        try (RecordingWriter writer = RecordingWriter.create(file)) {
            writer.subscription(venue.name(), List.of(btc.symbol()));
            write(writer, venue, 1, first);
            writeSnapshots(writer, venue, 1, btc, firstSnapshot);
            write(writer, venue, 1, firstChange);
            write(writer, venue, 2, second);
            writeSnapshots(writer, venue, 2, btc, secondSnapshot);
        }

        Replay replay = new Replay();
        try (RecordingReader reader = RecordingReader.open(file)) {
            while (reader.next(replay)) {
                assertThat(replay.rejected()).isZero();
            }
            assertThat(reader.problem()).isNull();
        }
        VenueBook book = replay.books(btc).get(0);
        assertThat(book.state()).isEqualTo(BookState.LIVE);
        assertThat(VenueHarness.sameLevels(book.book(), truth)).isTrue();
        assertThat(replay.frames()).isEqualTo(first.size() + firstChange.size() + second.size());
        assertThat(replay.broken()).isZero();
    }

    private static void write(RecordingWriter writer, Venue venue, int connection, List<String> frames)
            throws IOException {
        for (String frame : frames) {
            byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
            writer.frame(venue.name(), connection, System.nanoTime(), bytes, 0, bytes.length);
        }
    }

    /** The venue's REST snapshot of the book, if its client asks for one after these frames; else nothing. */
    private static List<String> snapshot(DialectHarness exchange, Instrument instrument, List<String> frames) {
        VenueHarness client = new VenueHarness(exchange.venue(), instrument.symbol()).feed(frames);
        return client.wantedSnapshots().isEmpty() ? List.of() : List.of(exchange.snapshot(instrument).body());
    }

    private static void writeSnapshots(RecordingWriter writer, Venue venue, int connection, Instrument instrument,
                                       List<String> bodies) throws IOException {
        for (String body : bodies) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            writer.snapshot(venue.name(), connection, System.nanoTime(), instrument.symbol(), bytes, 0, bytes.length);
        }
    }

    private static Collected readAll(Path file) throws IOException {
        Collected collected = new Collected();
        try (RecordingReader reader = RecordingReader.open(file)) {
            while (reader.next(collected)) {
                // everything is collected by the listener
            }
            assertThat(reader.problem()).isNull();
        }
        return collected;
    }
}
