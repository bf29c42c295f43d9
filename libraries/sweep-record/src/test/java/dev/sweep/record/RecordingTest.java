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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RecordingTest {

    /** Ten seconds of the simulator, recorded in version 1: what recordings made before version 2 hold. */
    static final Path SHIPPED = Path.of("..", "..", "recordings", "sim-btc-eth-10s.swr");

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
    void whatIsWrittenIsReadBackExactly(@ForAll @Size(max = 60) List<@Size(max = 2000) byte[]> payloads,
                                        @ForAll RecordingFormat format) throws IOException {
        Path file = Files.createTempFile("sweep", ".swr");
        try {
            try (RecordingWriter writer = RecordingWriter.create(file, format)) {
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

    /** Both versions, read back to the same records, whatever their sizes: one larger than the reader's buffer. */
    @Test
    void bothVersionsReadBackTheSameRecords() throws IOException {
        byte[] large = new byte[600_000];
        new Random(7).nextBytes(large);
        byte[] body = "{\"lastUpdateId\":7,\"bids\":[],\"asks\":[]}".getBytes(StandardCharsets.UTF_8);
        List<String> read = new ArrayList<>();
        for (RecordingFormat format : RecordingFormat.values()) {
            Path file = folder.resolve(format.name() + ".swr");
            try (RecordingWriter writer = RecordingWriter.create(file, format)) {
                writer.subscription("binance", List.of("BTC-USDT", "ETH-USDT"));
                for (int i = 0; i < 20_000; i++) {
                    byte[] frame = i == 7_000 ? large : ("{\"u\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                    writer.frame("binance", 1 + i / 10_000, 1_700_000_000_000_000_000L + i, frame, 0, frame.length);
                    if (i % 5_000 == 0) {
                        writer.snapshot("binance", 1 + i / 10_000, i, "BTC-USDT", body, 0, body.length);
                    }
                }
            }
            Collected collected = readAll(file);
            assertThat(collected.frames).hasSize(20_000);
            assertThat(collected.frames.get(7_000).bytes()).isEqualTo(large);
            assertThat(collected.frames.get(19_999).connection()).isEqualTo(2);
            assertThat(collected.snapshots).hasSize(4);
            try (RecordingReader reader = RecordingReader.open(file)) {
                assertThat(reader.format()).isEqualTo(format);
            }
            read.add(rendered(collected));
        }
        assertThat(read.get(1)).isEqualTo(read.get(0));
    }

    /** The shipped recording is of version 1, and reads back the same frames once written as version 2. */
    @Test
    void theShippedRecordingOfVersion1ReadsBackTheSameWrittenAsVersion2() throws IOException {
        Path copy = folder.resolve("copy.swr");
        Collected shipped = new Collected();
        try (RecordingReader reader = RecordingReader.open(SHIPPED);
             RecordingWriter writer = RecordingWriter.create(copy)) {
            assertThat(reader.format()).isEqualTo(RecordingFormat.VERSION_1);
            RecordingListener copying = new Copying(writer, shipped);
            while (reader.next(copying)) {
                // copied and collected by the listener
            }
            assertThat(reader.problem()).isNull();
        }
        Collected copied = readAll(copy);
        try (RecordingReader reader = RecordingReader.open(copy)) {
            assertThat(reader.format()).isEqualTo(RecordingFormat.VERSION_2);
        }
        assertThat(shipped.frames).hasSize(23_618);
        assertThat(rendered(copied)).isEqualTo(rendered(shipped));
    }

    @ParameterizedTest
    @EnumSource(RecordingFormat.class)
    void aRecordingCutShortIsReadUpToItsLastCompleteFrame(RecordingFormat format) throws IOException {
        Path file = folder.resolve("cut.swr");
        byte[] payload = "{\"channel\":\"heartbeat\"}".getBytes(StandardCharsets.UTF_8);
        // Several of LZ4's 256 KB blocks: cutting the last leaves the frames of those before it.
        try (RecordingWriter writer = RecordingWriter.create(file, format)) {
            writer.subscription(NAMES.get(0), List.of("BTC-USD"));
            for (int i = 0; i < 20_000; i++) {
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
        assertThat(collected.frames).isNotEmpty().hasSizeLessThan(20_000);
        assertThat(frames).isEqualTo(collected.frames.size());
        assertThat(problem).isEqualTo("truncated after frame " + frames + " (the file ends at byte "
                + (whole.length - 40) + ")");
    }

    @ParameterizedTest
    @EnumSource(RecordingFormat.class)
    void aDamagedRecordingSaysAfterWhichFrameAndWhereInTheFile(RecordingFormat format) throws IOException {
        Path file = folder.resolve("damaged.swr");
        byte[] payload = "{\"channel\":\"heartbeat\"}".getBytes(StandardCharsets.UTF_8);
        try (RecordingWriter writer = RecordingWriter.create(file, format)) {
            writer.subscription(NAMES.get(0), List.of("BTC-USD"));
            for (int i = 0; i < 20_000; i++) {
                writer.frame(NAMES.get(0), 1, i, payload, 0, payload.length);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        // A block's header says how long it is, and an LZ4 block carries its checksum: garbage cannot be inflated.
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
                .hasMessage(text + " is not a Sweep recording (neither GZIP nor LZ4)");
    }

    @Test
    void closingARecordingReadHalfWayStopsTheThreadThatDecompressesIt() throws IOException {
        Path file = folder.resolve("long.swr");
        byte[] payload = new byte[1000];
        try (RecordingWriter writer = RecordingWriter.create(file)) {
            writer.subscription(NAMES.get(0), List.of("BTC-USD"));
            for (int i = 0; i < 20_000; i++) {
                writer.frame(NAMES.get(0), 1, i, payload, 0, payload.length);
            }
        }
        int before = readerThreads().size();
        try (RecordingReader reader = RecordingReader.open(file)) {
            assertThat(reader.next(new Collected())).isTrue();
            assertThat(readerThreads()).hasSize(before + 1);
        }
        assertThat(readerThreads()).hasSize(before);
    }

    private static List<Thread> readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("sweep-recording-reader") && thread.isAlive()).toList();
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

    /** Every record read, in order, as text: two readings compare equal when they delivered the same. */
    private static String rendered(Collected collected) {
        StringBuilder text = new StringBuilder(String.join("\n", collected.subscriptions));
        for (Frame frame : collected.frames) {
            text.append('\n').append(frame.venue()).append(' ').append(frame.connection()).append(' ')
                    .append(frame.nanos()).append(' ').append(Base64.getEncoder().encodeToString(frame.bytes()));
        }
        for (Snapshot snapshot : collected.snapshots) {
            text.append('\n').append(snapshot.venue()).append(' ').append(snapshot.connection()).append(' ')
                    .append(snapshot.nanos()).append(' ').append(snapshot.symbol()).append(' ')
                    .append(Base64.getEncoder().encodeToString(snapshot.bytes()));
        }
        return text.toString();
    }

    /** Writes what it is given to another recording, and hands it on. */
    private record Copying(RecordingWriter writer, RecordingListener next) implements RecordingListener {

        @Override
        public void onSubscription(String venue, List<String> symbols) {
            next.onSubscription(venue, symbols);
            try {
                writer.subscription(venue, symbols);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onFrame(String venue, int connection, long receiveEpochNanos, byte[] buffer, int offset,
                            int length) {
            next.onFrame(venue, connection, receiveEpochNanos, buffer, offset, length);
            try {
                writer.frame(venue, connection, receiveEpochNanos, buffer, offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onSnapshot(String venue, int connection, long receiveEpochNanos, String symbol, byte[] buffer,
                               int offset, int length) {
            next.onSnapshot(venue, connection, receiveEpochNanos, symbol, buffer, offset, length);
            try {
                writer.snapshot(venue, connection, receiveEpochNanos, symbol, buffer, offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
