package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.core.Instrument;
import dev.sweep.core.MarketSweep;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.core.SweepAnalysis;
import dev.sweep.core.SweepReport;
import dev.sweep.core.SweepSource;
import dev.sweep.core.TakerFee;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command line against a simulator on loopback: live books, swept exactly like the simulator's own. */
@Timeout(60)
class LiveSweepTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ObjectMapper mapper = new ObjectMapper();
    private final Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(200));

    @TempDir
    Path logs;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void theJsonEqualsASweepOfTheSimulatorsTruth() throws IOException {
        simulator.advance(2_000);
        simulator.pause();
        CliRun run = CliRun.of(args("sell", "15", "--no-convert", "--json", "--fee", "kraken=0.26%"));

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode json = mapper.readTree(run.out());
        assertThat(json.get("source").asText()).isEqualTo("live");
        assertThat(json.get("excluded")).isEmpty();

        SweepAnalysis expected = sweepTruth(OrderSide.SELL, new BigDecimal("15"));
        for (int i = 0; i < expected.venues().size(); i++) {
            assertReport(json.get("venues").get(i), expected.venues().get(i));
            assertThat(json.get("venues").get(i).get("state").asText()).isEqualTo("LIVE");
        }
        assertReport(json.get("merged"), expected.merged());
    }

    @Test
    void anUnreachableVenueIsReportedAndTheOthersStillSweep() throws IOException {
        CliRun run = CliRun.of(argsWith("gemini", "ws://127.0.0.1:1/gemini/v2/marketdata", "buy", "1", "--no-convert", "--json",
                "--timeout", "2s"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode json = mapper.readTree(run.out());
        assertThat(json.get("venues")).extracting(venue -> venue.get("venue").asText())
                .containsExactly("kraken", "coinbase");
        assertThat(json.get("excluded").get(0).get("venue").asText()).isEqualTo("gemini");
        assertThat(json.get("excluded").get(0).get("problem").asText()).startsWith("cannot connect");
        assertThat(json.get("excluded").get(0).get("verified").asBoolean()).isFalse();
    }

    @Test
    void aVenueThatNeverAnswersDoesNotHoldUpTheOthers() throws IOException {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            // Accepts connections (the kernel does) and never says a word.
            String[] args = argsWith("kraken", "ws://127.0.0.1:" + silent.getLocalPort() + "/kraken/v2", "sell", "1",
                    "--no-convert", "--json", "--timeout", "2s");
            long start = System.nanoTime();
            CliRun run = CliRun.of(args);

            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(10));
            assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
            JsonNode json = mapper.readTree(run.out());
            assertThat(json.get("venues")).extracting(venue -> venue.get("venue").asText())
                    .containsExactly("coinbase", "gemini");
            assertThat(json.get("excluded").get(0).get("venue").asText()).isEqualTo("kraken");
            assertThat(json.get("excluded").get(0).get("state").asText()).isEqualTo("SYNCING");
        }
    }

    @Test
    void noReachableVenueExitsWithThreeAtOnceNamingEachVenueAndAHint() {
        long start = System.nanoTime();
        CliRun run = CliRun.of("sell", "1", "--no-convert", "--timeout", "60s", "--log-dir", logs.toString(),
                "--endpoint", "kraken=ws://127.0.0.1:1/kraken/v2", "--endpoint", "coinbase=ws://nosuchhost.invalid/",
                "--endpoint", "gemini=ws://127.0.0.1:1/gemini/v2/marketdata");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(run.exitCode()).isEqualTo(ExitCode.FEED_FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("sweep: no live BTC-USD book:"
                + " kraken UNREACHABLE (cannot connect: Connection refused (127.0.0.1:1));"
                + " coinbase UNREACHABLE (cannot connect: unknown host nosuchhost.invalid);"
                + " gemini UNREACHABLE (cannot connect: Connection refused (127.0.0.1:1))."
                + " Try --demo to run against the built-in simulator.\n");
    }

    @Test
    void aSymbolEveryVenueRefusesExitsWithThreeAtOnceWithTheVenuesReasons() {
        long start = System.nanoTime();
        CliRun run = CliRun.of(args("sell", "1", "--symbol", "DOGE-USD", "--no-convert", "--timeout", "60s"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(run.exitCode()).isEqualTo(ExitCode.FEED_FAILURE);
        assertThat(run.err()).isEqualTo("sweep: no live DOGE-USD book:"
                + " kraken REJECTED (venue error: Currency pair not supported DOGE/USD);"
                + " coinbase REJECTED (venue error: Failed to subscribe: unknown product id DOGE-USD);"
                + " gemini REJECTED (venue error: InvalidSymbol)\n");
    }

    @Test
    void aWatchKeepsRunningWhileNoVenueIsLiveAndPicksTheBookUpWhenItComesBack() throws Exception {
        Simulator gemini = Simulator.start(SimulatorConfig.defaults().withRate(200));
        int port = gemini.port();
        try (CliWatch watch = CliWatch.start("sell", "1", "--venues", "gemini", "--watch", "--interval", "100ms",
                "--json", "--log-dir", logs.toString(), "--endpoint", "gemini=" + gemini.endpoint("gemini"))) {
            watch.awaitLine("a live report", line -> venues(line).size() == 1, WAIT);

            gemini.close();
            JsonNode nothingLive = mapper.readTree(watch.awaitLine("a report with no venue",
                    line -> venues(line).isEmpty(), WAIT));
            assertThat(nothingLive.get("source").asText()).isEqualTo("live");
            assertThat(nothingLive.get("side").asText()).isEqualTo("sell");
            assertThat(nothingLive.get("requested").asText()).isEqualTo("1");
            assertThat(nothingLive.get("merged").isNull()).isTrue();
            JsonNode excluded = nothingLive.get("excluded").get(0);
            assertThat(excluded.get("venue").asText()).isEqualTo("gemini");
            assertThat(excluded.get("state").asText()).isIn("SYNCING", "UNREACHABLE");
            assertThat(excluded.get("problem").asText()).matches("connection closed by the venue.*"
                    + "|cannot connect: Connection refused \\(127\\.0\\.0\\.1:" + port + "\\)");

            try (Simulator back = Simulator.start(SimulatorConfig.defaults().withPort(port))) {
                JsonNode live = mapper.readTree(watch.awaitLine("a live report again",
                        line -> venues(line).size() == 1, WAIT));
                assertThat(live.get("venues").get(0).get("state").asText()).isEqualTo("LIVE");
                assertThat(live.get("excluded")).isEmpty();
            }
            assertThat(watch.isRunning()).isTrue();
            assertThat(watch.err()).isEmpty();
        } finally {
            gemini.close();
        }
    }

    @Test
    void aWatchWithNoVenueLiveSaysSoWithEachVenuesStateAndKeepsRefreshing() throws Exception {
        try (CliWatch watch = CliWatch.start("sell", "1", "--watch", "--interval", "100ms", "--timeout", "60s",
                "--log-dir", logs.toString(), "--endpoint", "kraken=ws://127.0.0.1:1/kraken/v2",
                "--endpoint", "coinbase=ws://nosuchhost.invalid/", "--endpoint", "gemini=ws://127.0.0.1:1/gemini")) {
            for (int refresh = 0; refresh < 2; refresh++) {
                assertThat(watch.awaitLine("the headline", line -> line.startsWith("SELL"), WAIT))
                        .isEqualTo("SELL 1 BTC-USD · no venue is live: nothing swept");
                assertThat(watch.awaitLine("kraken", line -> !line.isEmpty(), WAIT)).isEqualTo(
                        "kraken  UNREACHABLE · skipped: cannot connect: Connection refused (127.0.0.1:1)");
                assertThat(watch.awaitLine("coinbase", line -> !line.isEmpty(), WAIT)).isEqualTo(
                        "coinbase  UNREACHABLE · skipped: cannot connect: unknown host nosuchhost.invalid");
                assertThat(watch.awaitLine("gemini", line -> !line.isEmpty(), WAIT)).isEqualTo(
                        "gemini  UNREACHABLE · skipped: cannot connect: Connection refused (127.0.0.1:1)");
            }
            assertThat(watch.isRunning()).isTrue();
            assertThat(watch.err()).isEmpty();
        }
    }

    @Test
    void theLogsGoToTheirComponentFiles() {
        simulator.pause();
        CliRun.of(args("sell", "1"));

        assertThat(logs.resolve("feed.log")).content().contains("kraken: connected", "coinbase: subscribed to BTC-USD");
        assertThat(logs.resolve("book.log")).content().contains("gemini BTCUSD: SYNCING -> LIVE");
        assertThat(logs.resolve("sweep.log")).content().contains("sell 1 BTC-USD: merged VWAP");
    }

    /** The example of {@code sweep book --help}: a book file holds the whole book, so the sweep is the live one. */
    @Test
    void aLiveBookSavedAsJsonSweepsLaterAsABookFile() throws IOException {
        simulator.pause();
        CliRun book = CliRun.of(args("book", "coinbase", "BTC-USD", "--json"));
        assertThat(book.exitCode()).isEqualTo(ExitCode.OK);
        Path file = logs.resolve("books.json");
        java.nio.file.Files.writeString(file, book.out());
        JsonNode saved = mapper.readTree(book.out()).get("books").get(0);
        assertThat(saved.get("bids")).hasSize(simulator.truth("coinbase", BTC_USD).bids().depth());
        assertThat(saved.get("asks")).hasSize(simulator.truth("coinbase", BTC_USD).asks().depth());

        CliRun offline = CliRun.of("sell", "15", "--from", file.toString(), "--json");
        CliRun live = CliRun.of(args("sell", "15", "--venues", "coinbase", "--json"));

        JsonNode fromFile = mapper.readTree(offline.out()).get("merged");
        JsonNode fromFeed = mapper.readTree(live.out()).get("merged");
        assertThat(fromFile.get("fills")).isEqualTo(fromFeed.get("fills"));
        assertThat(fromFile.get("notional")).isEqualTo(fromFeed.get("notional"));
    }

    @Test
    void aBookFileIsCutOnlyAtTheDepthAskedFor() throws IOException {
        simulator.pause();
        CliRun book = CliRun.of(args("book", "gemini", "BTC-USD", "--depth", "5", "--json"));

        JsonNode saved = mapper.readTree(book.out()).get("books").get(0);
        assertThat(saved.get("bids")).hasSize(5);
        assertThat(saved.get("asks")).hasSize(5);
    }

    private JsonNode venues(String line) {
        try {
            return mapper.readTree(line).get("venues");
        } catch (IOException e) {
            throw new AssertionError("not a JSON document: " + line, e);
        }
    }

    private String[] args(String... command) {
        return argsWith("", "", command);
    }

    /** The command against the simulator, except {@code venue}, which connects to {@code url}. */
    private String[] argsWith(String venue, String url, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--log-dir", logs.toString()));
        for (String name : Venues.names()) {
            args.add("--endpoint");
            args.add(name + "=" + (name.equals(venue) ? url : simulator.endpoint(name)));
        }
        for (Venue rest : Venues.all()) {
            if (rest.restSnapshots().isPresent()) {
                args.add("--rest-endpoint");
                args.add(rest.name() + "=" + simulator.restEndpoint(rest.name()));
            }
        }
        return args.toArray(String[]::new);
    }

    private SweepAnalysis sweepTruth(OrderSide side, BigDecimal quantity) {
        List<SweepSource> sources = new ArrayList<>();
        sources.add(new SweepSource(simulator.truth("kraken", BTC_USD), TakerFee.parse("0.26%")));
        sources.add(new SweepSource(simulator.truth("coinbase", BTC_USD), TakerFee.parse("1.20%")));
        sources.add(new SweepSource(simulator.truth("gemini", BTC_USD), TakerFee.parse("0.40%")));
        return new MarketSweep().analyze(new OrderRequest(side, quantity, false), sources);
    }

    private static void assertReport(JsonNode json, SweepReport expected) {
        assertThat(json.get("filled").asText()).isEqualTo(expected.filled().stripTrailingZeros().toPlainString());
        assertThat(new BigDecimal(json.get("notional").asText())).isEqualByComparingTo(expected.notional());
        assertThat(new BigDecimal(json.get("fees").asText())).isEqualByComparingTo(expected.fees());
        assertThat(json.get("levels").asInt()).isEqualTo(expected.levels());
        assertThat(json.get("fills")).hasSize(expected.fills().size());
    }
}
