package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.kafka.Broker;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** sweep publish writes the simulator's books to a real KRaft broker in this JVM, and --kafka reads them back. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KafkaCommandTest {

    private static Broker broker;

    @TempDir
    Path logs;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = Broker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void sellAndBookReadTheBooksThatPublishWrites() throws Exception {
        // The venues listing BTC-USD: a venue quoting in USDT has no such book.
        List<String> venues = Venues.listing(Instrument.of("BTC-USD")).stream().map(Venue::name).toList();
        try (CliWatch publish = CliWatch.start("publish", "--demo", "--kafka", broker.bootstrap(), "--topic-prefix",
                "cli", "--log-dir", folder("publish"))) {
            // The venues publish writes: a venue with no book there would keep sell waiting for the whole timeout.
            CliRun sell = CliRun.of("sell", "1", "--kafka", broker.bootstrap(), "--topic-prefix", "cli", "--venues",
                    String.join(",", venues), "--timeout", "20s", "--log-dir", folder("sell"));
            CliRun book = CliRun.of("book", "kraken", "BTC-USD", "--kafka", broker.bootstrap(), "--topic-prefix",
                    "cli", "--timeout", "20s", "--log-dir", folder("book"));
            // Stopped as Ctrl-C stops it once both have read: it runs as long as they need, not for a guessed time.
            int published = publish.stop(Duration.ofSeconds(10));

            assertThat(sell.exitCode()).as(sell.err()).isEqualTo(ExitCode.OK);
            for (String venue : venues) {
                assertThat(sell.out()).containsPattern("(?m)^" + venue + "\\*?  taker fee [0-9.]+% · LIVE · ");
            }
            assertThat(book.exitCode()).as(book.err()).isEqualTo(ExitCode.OK);
            assertThat(book.out()).contains("kraken BTC-USD");
            assertThat(published).as(publish.err()).isEqualTo(ExitCode.OK);
            assertThat(publish.err()).startsWith("publishing BTC-USD of " + String.join(", ", venues)
                    + " to cli.book.events and cli.book.snapshots on " + broker.bootstrap() + " (DEMO: the"
                    + " simulator's books)\n");
        }
    }

    /** A log folder of each run: runs in one process at the same time must not share log files. */
    private String folder(String run) throws IOException {
        return Files.createDirectories(logs.resolve(run)).toString();
    }

    @Test
    void kafkaAndTheFeedsOptionsAreOneSourceOrTheOther() {
        CliRun both = CliRun.of("sell", "1", "--kafka", broker.bootstrap(), "--demo");
        CliRun publish = CliRun.of("publish", "--demo", "--duration", "1s");
        CliRun record = CliRun.of("record", "--kafka", broker.bootstrap(), "--out", logs.resolve("x.swr").toString());

        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(both.err()).isEqualTo("sweep: --kafka reads the books from Kafka: --demo, --endpoint and"
                + " --rest-endpoint are for 'sweep publish', which writes them there\n");
        assertThat(publish.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(publish.err()).isEqualTo("sweep: publish needs --kafka HOST:PORT: the cluster to write to\n");
        assertThat(record.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(record.err()).isEqualTo("sweep: --kafka: a recording holds the venues' raw frames, which Kafka"
                + " does not\n");
    }
}
