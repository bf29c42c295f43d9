package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.feed.BookView;
import dev.sweep.feed.FeedManager;
import dev.sweep.feed.FeedSettings;
import dev.sweep.sim.Fault;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venues;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The log files of real runs against the simulator: one line per event, each with the run's id. */
@Timeout(90)
class LogsTest {

    /** A log line: time, run id, level, message. */
    private static final Pattern LINE =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} ([0-9a-f]{6}) (INFO |WARN |ERROR) (.*)");
    private static final Pattern ATTEMPT =
            Pattern.compile("gemini: cannot connect: .+; reconnecting in \\d+ ms \\(attempt (\\d+)\\)");
    private static final String UNREACHABLE = "ws://127.0.0.1:1/gemini/v2/marketdata";
    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    @TempDir
    Path logs;

    @Test
    void runsAppendingToTheSameFilesAreToldApartByTheirIdsAndCommandLines() throws IOException {
        for (String quantity : List.of("1", "2")) {
            CliRun run = CliRun.of("sell", quantity, "--demo", "--log-dir", logs.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        }

        Set<String> runIds = new TreeSet<>();
        for (String file : List.of("feed.log", "book.log", "sweep.log")) {
            for (String line : Files.readAllLines(logs.resolve(file))) {
                assertThat(line).as(file).matches(LINE);
                runIds.add(LINE.matcher(line).replaceFirst("$1"));
            }
        }
        assertThat(runIds).hasSize(2);
        List<String> sweep = messages("sweep.log");
        assertThat(sweep).hasSize(4);
        assertThat(sweep.get(0)).isEqualTo("sweep sell 1 --demo --log-dir " + logs);
        assertThat(sweep.get(1)).startsWith("sell 1 BTC-USD: merged VWAP ");
        assertThat(sweep.get(2)).isEqualTo("sweep sell 2 --demo --log-dir " + logs);
        assertThat(sweep.get(3)).startsWith("sell 2 BTC-USD: merged VWAP ");
    }

    @Test
    void eachEventIsOneLine() throws IOException {
        CliRun run = CliRun.of("buy", "--quote", "50000", "--demo", "--no-convert", "--json", "--timeout", "10s",
                "--log-dir", logs.toString(), "--endpoint", "gemini=" + UNREACHABLE);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);

        assertThat(messages("sweep.log")).hasSize(2);
        assertThat(messages("sweep.log").get(1)).startsWith("buy 50000 USD of BTC-USD: merged VWAP ");
        List<String> feed = messages("feed.log");
        assertThat(feed).doesNotHaveDuplicates()
                .contains("kraken: connected", "coinbase: connected", "gemini: connecting to " + UNREACHABLE);
        assertThat(feed).filteredOn(line -> line.contains("subscribed"))
                .containsExactlyInAnyOrder("kraken: subscribed to BTC/USD", "coinbase: subscribed to BTC-USD");
        List<Integer> attempts = new ArrayList<>();
        for (String line : feed) {
            Matcher attempt = ATTEMPT.matcher(line);
            if (attempt.matches()) {
                attempts.add(Integer.parseInt(attempt.group(1)));
            } else if (line.startsWith("gemini")) {
                assertThat(line).isIn("gemini: connecting to " + UNREACHABLE, "gemini: closed");
            }
        }
        assertThat(attempts).isNotEmpty().isEqualTo(IntStream.rangeClosed(1, attempts.size()).boxed().toList());
        assertThat(messages("book.log")).extracting(line -> line.replaceAll("\\d+ bids, \\d+ asks", "…"))
                .containsExactlyInAnyOrder("kraken BTC/USD: SYNCING -> LIVE (…)",
                        "coinbase BTC-USD: SYNCING -> LIVE (…)",
                        "gemini BTCUSD: SYNCING -> UNREACHABLE (cannot connect: Connection refused (127.0.0.1:1))");
    }

    @Test
    void aSequenceGapIsOneLineAndTheReplacedConnectionAnother() throws Exception {
        StringWriter err = new StringWriter();
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(100))) {
            Logs.start(logs, List.of("test"), new PrintWriter(err));
            try (FeedManager feeds = new FeedManager(List.of(Venues.byName("coinbase").orElseThrow()),
                    Map.of("coinbase", simulator.endpoint("coinbase")), List.of(BTC_USD),
                    FeedSettings.defaults()).start()) {
                assertThat(feeds.awaitLive(BTC_USD, Duration.ofSeconds(20), ignored -> { }))
                        .extracting(BookView::state).containsExactly(BookState.LIVE);
                simulator.inject("coinbase", Fault.GAP);
                awaitLiveAgain(feeds);
            }
        }

        List<String> lines = new ArrayList<>();
        for (String file : List.of("feed.log", "decoder.log", "book.log", "sweep.log")) {
            lines.addAll(messages(file));
        }
        assertThat(lines).filteredOn(line -> line.contains("sequence gap"))
                .singleElement().asString().startsWith("coinbase BTC-USD: LIVE -> BROKEN (sequence gap: expected ");
        assertThat(messages("book.log")).contains(
                "coinbase BTC-USD: BROKEN -> SYNCING (connection replaced: BTC-USD is BROKEN)");
        assertThat(messages("feed.log")).filteredOn(line -> line.contains("replacing"))
                .singleElement().asString().matches("coinbase: replacing the connection: BTC-USD is BROKEN;"
                        + " reconnecting in \\d+ ms \\(attempt 1\\)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aFullLogRollsOverKeepingThreeOlderFiles() throws IOException {
        try (RandomAccessFile full = new RandomAccessFile(logs.resolve("feed.log").toFile(), "rw")) {
            full.write("old 0\n".getBytes(StandardCharsets.US_ASCII));
            full.setLength(10 * 1024 * 1024);
        }
        for (int i = 1; i <= 3; i++) {
            Files.writeString(logs.resolve("feed." + i + ".log"), "old " + i + "\n");
        }

        CliRun run = CliRun.of("sell", "1", "--demo", "--log-dir", logs.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(logs.resolve("feed.1.log")).hasSize(10 * 1024 * 1024);
        assertThat(Files.readAllLines(logs.resolve("feed.1.log")).get(0)).isEqualTo("old 0");
        assertThat(logs.resolve("feed.2.log")).hasContent("old 1");
        assertThat(logs.resolve("feed.3.log")).hasContent("old 2");
        assertThat(logs.resolve("feed.4.log")).doesNotExist();
        assertThat(messages("feed.log")).contains("kraken: connected");
    }

    @Test
    void anUnusableLogDirIsOneLineAndExitTwo() throws IOException {
        Path file = Files.createFile(logs.resolve("file"));
        Path folder = Files.createDirectories(logs.resolve("folder"));
        Files.createDirectories(folder.resolve("feed.log"));

        assertThat(CliRun.of("sell", "1", "--demo", "--log-dir", file.toString()))
                .isEqualTo(new CliRun(ExitCode.USAGE, "", "sweep: --log-dir " + file + ": not a directory\n"));
        assertThat(CliRun.of("sell", "1", "--demo", "--log-dir", file.resolve("logs").toString()))
                .isEqualTo(new CliRun(ExitCode.USAGE, "", "sweep: --log-dir " + file.resolve("logs")
                        + ": not a directory\n"));
        assertThat(CliRun.of("sell", "1", "--demo", "--log-dir", folder.toString()))
                .isEqualTo(new CliRun(ExitCode.USAGE, "", "sweep: --log-dir " + folder
                        + ": cannot open feed.log: is a directory\n"));
    }

    @Test
    void aSecondUserWhoseDefaultFolderIsUnusableStillGetsTheReport() throws IOException {
        // Another user's folder stands in as a regular file: tests may run as root, who can write anywhere.
        Path taken = Files.createFile(logs.resolve("sweep"));
        System.setProperty(LogFolder.DEFAULT_PROPERTY, taken.toString());
        CliRun run;
        try {
            run = CliRun.of("sell", "1", "--demo", "--json");
        } finally {
            System.clearProperty(LogFolder.DEFAULT_PROPERTY);
        }

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(new ObjectMapper().readTree(run.out()).get("source").asText()).isEqualTo("demo");
        assertThat(run.err()).isEqualTo("sweep: logs are off: " + taken + ": not a directory (give --log-dir DIR to"
                + " keep them)\n");
    }

    private static void awaitLiveAgain(FeedManager feeds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        BookView view = feeds.views(BTC_USD).get(0);
        while (!(view.resyncs() > 0 && view.isLive()) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
            view = feeds.views(BTC_USD).get(0);
        }
        assertThat(view.resyncs()).isEqualTo(1);
        assertThat(view.state()).isEqualTo(BookState.LIVE);
    }

    /** The messages of a log file, without time, run id and level. */
    private List<String> messages(String file) throws IOException {
        List<String> messages = new ArrayList<>();
        for (String line : Files.readAllLines(logs.resolve(file))) {
            messages.add(LINE.matcher(line).replaceFirst("$3"));
        }
        return messages;
    }
}
