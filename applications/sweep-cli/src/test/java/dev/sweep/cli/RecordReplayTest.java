package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.core.BookSide;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.feed.BookView;
import dev.sweep.feed.FeedManager;
import dev.sweep.feed.FeedSettings;
import dev.sweep.record.Recorder;
import dev.sweep.record.RecordingFormat;
import dev.sweep.record.RecordingReader;
import dev.sweep.record.RecordingWriter;
import dev.sweep.record.Replay;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.Venues;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Recording live frames and rebuilding the books from them, on the shipped recording and on a fresh one. */
@Timeout(60)
class RecordReplayTest {

    /** Ten seconds of the simulator at 400 updates/s per book: BTC-USD and ETH-USD on all three venues. */
    static final Path SHIPPED = Path.of("..", "..", "recordings", "sim-btc-eth-10s.swr");

    /** How long the writer of a piped recording waits between its subscription and its frames. */
    private static final long PAUSE_MILLIS = 2000;

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void theShippedRecordingReplaysWithoutARejectedFrame() {
        CliRun run = CliRun.of("replay", SHIPPED.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).matches("replayed 23618 frames \\(5223 KB\\) in \\d+ ms from the first frame to the last:"
                + " \\d+ frames/s; 0 rejected, 0 books broken\n");
    }

    @Test
    void theShippedRecordingAlwaysSweepsTheSame() throws IOException {
        CliRun first = CliRun.of("replay", SHIPPED.toString(), "sell", "15", "--json");
        CliRun second = CliRun.of("replay", SHIPPED.toString(), "sell", "15", "--json", "--speed", "max");

        assertThat(first.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(first.out()).isEqualTo(second.out());
        JsonNode json = mapper.readTree(first.out());
        assertThat(json.get("source").asText()).isEqualTo("replay");
        assertThat(json.get("venues")).hasSize(3);
        assertThat(json.get("merged").get("complete").asBoolean()).isTrue();
        assertThat(json.get("merged").get("filled").asText()).isEqualTo("15");
        assertThat(CliRun.of("replay", SHIPPED.toString(), "buy", "2", "--symbol", "ETH-USD", "--json").out())
                .contains("\"symbol\":\"ETH-USD\"");
    }

    @Test
    void aTruncatedRecordingReplaysWhatIsValidAndSaysAfterWhichFrameTheFileEnds() throws IOException {
        byte[] whole = Files.readAllBytes(SHIPPED);
        Path cut = folder.resolve("cut.swr");
        Files.write(cut, Arrays.copyOf(whole, 80_000));

        CliRun run = CliRun.of("replay", cut.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).matches("replayed \\d+ frames \\(\\d+ KB\\) in \\d+ ms from the first frame to the last:"
                + " \\d+ frames/s; 0 rejected, 0 books broken\n");
        String frames = run.out().replaceFirst("(?s)replayed (\\d+) frames .*", "$1");
        assertThat(run.err()).isEqualTo("sweep: " + cut + " is truncated after frame " + frames
                + " (the file ends at byte 80000); the report covers the frames before\n");
    }

    @Test
    void theFigureLeavesOutWhatComesBeforeTheFirstFrame() throws Exception {
        // A recording read from a pipe whose writer pauses after the subscription: the pause is not replay time.
        Path pipe = folder.resolve("slow.swr");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor()).isZero();
        CompletableFuture<CliRun> replay = CompletableFuture.supplyAsync(() -> CliRun.of("replay", pipe.toString()));
        byte[] heartbeat = "{\"channel\":\"heartbeat\"}".getBytes(StandardCharsets.UTF_8);
        try (RecordingWriter writer = RecordingWriter.create(Files.newOutputStream(pipe))) {
            writer.subscription("kraken", List.of("BTC-USD"));
            writer.flush();
            TimeUnit.MILLISECONDS.sleep(PAUSE_MILLIS);
            for (int i = 0; i < 100; i++) {
                writer.frame("kraken", 1, i, heartbeat, 0, heartbeat.length);
            }
        }

        CliRun run = replay.get(30, TimeUnit.SECONDS);

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).matches("replayed 100 frames \\(2 KB\\) in \\d+ ms from the first frame to the last:"
                + " \\d+ frames/s; 0 rejected, 0 books broken\n");
        assertThat(Long.parseLong(run.out().replaceFirst("(?s).* in (\\d+) ms .*", "$1"))).as("milliseconds")
                .isLessThan(PAUSE_MILLIS);
    }

    @Test
    void aSweepOfATruncatedRecordingWithoutBooksSaysItIsTruncated() throws IOException {
        byte[] whole = Files.readAllBytes(SHIPPED);
        Path cut = folder.resolve("early.swr");
        Files.write(cut, Arrays.copyOf(whole, 200));

        long frames;
        try (RecordingReader reader = RecordingReader.open(cut)) {
            Replay replay = new Replay();
            while (reader.next(replay)) {
                // counting
            }
            frames = reader.frames();
        }

        CliRun run = CliRun.of("replay", cut.toString(), "sell", "1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("sweep: " + cut + " has no live BTC-USD book at its end; it is truncated"
                + " after frame " + frames + " (the file ends at byte 200)\n");
    }

    @Test
    void aReplayShowsItsProgressOnATerminalAndClearsIt() throws IOException {
        // Paced at the recorded speed, half a second of frames takes half a second: long enough to be drawn.
        Path file = folder.resolve("paced.swr");
        byte[] heartbeat = "{\"channel\":\"heartbeat\"}".getBytes(StandardCharsets.UTF_8);
        try (RecordingWriter writer = RecordingWriter.create(file)) {
            writer.subscription("kraken", List.of("BTC-USD"));
            for (int i = 0; i <= 50; i++) {
                writer.frame("kraken", 1, i * TimeUnit.MILLISECONDS.toNanos(10), heartbeat, 0, heartbeat.length);
            }
        }

        CliRun run = CliRun.onTerminal("replay", file.toString(), "--speed", "1x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("replayed 51 frames ");
        assertThat(run.err()).startsWith("\rreplaying " + file + " ").contains("% ").endsWith("\r\u001b[2K");
    }

    @Test
    void aRecordingThatCannotBeReadSaysWhyAndWhatReplayTakes() {
        Path missing = folder.resolve("nonexist.swr");

        CliRun noFile = CliRun.of("replay", missing.toString());
        CliRun folderGiven = CliRun.of("replay", folder.toString());

        assertThat(noFile.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noFile.err()).isEqualTo("sweep: cannot read " + missing + ": no such file (replay takes a recording"
                + " made by 'sweep record --out FILE')\n");
        assertThat(folderGiven.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(folderGiven.err()).isEqualTo("sweep: cannot read " + folder + ": it is a folder (replay takes a"
                + " recording made by 'sweep record --out FILE')\n");
    }

    @Test
    void aReplayWithoutASideSaysWhatIsExpectedAfterTheFile() {
        CliRun run = CliRun.of("replay", SHIPPED.toString(), "5");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("sweep: expected 'sell QTY' or 'buy QTY' after the file, not '5' (e.g. 'sweep"
                + " replay " + SHIPPED + " sell 15')\n");
    }

    @Test
    void aRecordingThatCannotBeWrittenSaysWhy() {
        Path noFolder = folder.resolve("nonexist").resolve("x.swr");

        CliRun missingFolder = CliRun.of("record", "--demo", "--out", noFolder.toString(), "--log-dir",
                folder.toString());
        CliRun folderGiven = CliRun.of("record", "--demo", "--out", folder.toString(), "--log-dir", folder.toString());

        assertThat(missingFolder.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missingFolder.err()).isEqualTo("sweep: cannot write " + noFolder + ": the folder "
                + noFolder.getParent() + " does not exist\n");
        assertThat(folderGiven.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(folderGiven.err()).isEqualTo("sweep: cannot write " + folder + ": it is a folder\n");
    }

    @Test
    void aFileThatIsNotARecordingIsAClearError() throws IOException {
        Path text = folder.resolve("notes.swr");
        Files.writeString(text, "hello");
        CliRun run = CliRun.of("replay", text.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("sweep: " + text + " is not a Sweep recording (neither GZIP nor LZ4)\n");
    }

    @Test
    void aDemoRecordingIsOfTheCurrentVersionAndReplaysToLiveBooks() throws IOException {
        Path file = folder.resolve("demo.swr");
        // Long enough for the three books to arrive on a loaded machine: a recording without books fails.
        CliRun record = CliRun.of("record", "--demo", "--duration", "10s", "--out", file.toString(), "--log-dir",
                folder.toString());
        assertThat(record.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(record.out()).startsWith("recorded ").contains("from kraken, coinbase, gemini");
        assertThat(record.err()).isEmpty();
        try (RecordingReader reader = RecordingReader.open(file)) {
            assertThat(reader.format()).isEqualTo(RecordingFormat.VERSION_2);
        }

        CliRun replay = CliRun.of("replay", file.toString(), "sell", "1");
        assertThat(replay.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(replay.out()).contains("0 rejected, 0 books broken").contains("merged book  3 venues");
    }

    @Test
    void aRecordingOfASymbolEveryVenueRejectsFailsAtTheTimeoutNamingEachVenue() {
        long started = System.nanoTime();
        CliRun record = CliRun.of("record", "--demo", "--symbols", "DOGE-USD", "--timeout", "1s", "--duration", "60s",
                "--out", folder.resolve("doge.swr").toString(), "--log-dir", folder.toString());

        assertThat(record.exitCode()).isEqualTo(ExitCode.FEED_FAILURE);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("seconds").isLessThan(20);
        assertThat(record.out()).isEmpty();
        assertThat(record.err()).isEqualTo("sweep: no venue delivered a DOGE-USD book to record within 1s: kraken"
                + " REJECTED (venue error: Currency pair not supported DOGE/USD); coinbase REJECTED"
                + " (venue error: Failed to subscribe: unknown product id DOGE-USD); gemini REJECTED (venue error:"
                + " InvalidSymbol)\n");
    }

    @Test
    void aRecordingOfUnreachableVenuesFailsAtTheTimeout() throws IOException {
        String closed = "ws://127.0.0.1:" + closedPort();
        CliRun record = CliRun.of("record", "--venues", "kraken,gemini", "--timeout", "1s", "--duration", "60s",
                "--endpoint", "kraken=" + closed + "/kraken/v2", "--endpoint", "gemini=" + closed + "/gemini",
                "--out", folder.resolve("none.swr").toString(), "--log-dir", folder.toString());

        assertThat(record.exitCode()).isEqualTo(ExitCode.FEED_FAILURE);
        assertThat(record.err()).startsWith("sweep: no venue delivered a BTC-USD book to record within 1s:"
                + " kraken UNREACHABLE (cannot connect: ").contains("; gemini UNREACHABLE (cannot connect: ")
                .endsWith(". Try --demo to record the built-in simulator.\n");
    }

    @Test
    void aRecordingSaysWhichVenuesGaveNoBook() throws IOException {
        Path file = folder.resolve("partial.swr");
        CliRun record = CliRun.of("record", "--demo", "--venues", "kraken,gemini", "--symbols", "BTC-USD,DOGE-USD",
                "--endpoint", "gemini=ws://127.0.0.1:" + closedPort() + "/gemini", "--duration", "10s",
                "--out", file.toString(), "--log-dir", folder.toString());

        assertThat(record.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(record.out()).startsWith("recorded ").endsWith(" from kraken to " + file + "\n");
        assertThat(record.err().lines()).satisfiesExactly(
                line -> assertThat(line).isEqualTo("sweep: kraken gave no DOGE-USD book: REJECTED (venue error:"
                        + " Currency pair not supported DOGE/USD)"),
                line -> assertThat(line).startsWith("sweep: gemini gave no book: UNREACHABLE (cannot connect: "));
    }

    @Test
    void aBinanceRecordingHoldsItsRestSnapshotsAndReplaysToTheBookTheFeedHeld() throws Exception {
        Venue binance = Venues.byName("binance").orElseThrow();
        Instrument btc = Instrument.of("BTC-USDT");
        Path file = folder.resolve("binance.swr");
        OrderBook live;
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(200), List.of(binance))) {
            Recorder recorder = new Recorder(RecordingWriter.create(file), Recorder.DEFAULT_QUEUE_BYTES);
            recorder.subscription(binance.name(), List.of(btc.symbol()));
            try (FeedManager feeds = new FeedManager(List.of(binance), Map.of(binance.name(),
                    simulator.endpoint(binance.name())), Map.of(binance.name(), simulator.restEndpoint(binance.name())),
                    List.of(btc), FeedSettings.defaults(), RecordCommand.tap(recorder)).start()) {
                await(feeds, btc, "live with updates", view -> view.isLive() && view.updates() > 20);
                simulator.pause();
                OrderBook truth = simulator.truth(binance.name(), btc);
                await(feeds, btc, "the truth", view -> view.isLive() && levels(view.book()).equals(levels(truth)));
                live = feeds.views(btc).get(0).book();
            }
            recorder.close();
        }

        Replay replay = new Replay();
        try (RecordingReader reader = RecordingReader.open(file)) {
            while (reader.next(replay)) {
                // replayed by the listener
            }
            assertThat(reader.problem()).isNull();
        }
        VenueBook book = replay.books(btc).get(0);
        assertThat(book.state()).isEqualTo(BookState.LIVE);
        assertThat(levels(book.book())).isEqualTo(levels(live));
        assertThat(replay.rejected()).isZero();
        assertThat(replay.broken()).isZero();
    }

    private static void await(FeedManager feeds, Instrument instrument, String what, Predicate<BookView> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.test(feeds.views(instrument).get(0))) {
            assertThat(System.nanoTime()).as(what + ": " + feeds.views(instrument).get(0)).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** A book's levels, best first, as text: two books compare equal when their levels do. */
    private static List<String> levels(OrderBook book) {
        List<String> levels = new ArrayList<>();
        for (Side side : Side.values()) {
            BookSide levelsOfSide = book.side(side);
            for (int i = 0; i < levelsOfSide.depth(); i++) {
                levels.add(side + " " + levelsOfSide.price(i) + " " + levelsOfSide.size(i));
            }
        }
        return levels;
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
