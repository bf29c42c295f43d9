package dev.sweep.cli;

import dev.sweep.core.Instrument;
import dev.sweep.feed.FrameTap;
import dev.sweep.kafka.BookPublisher;
import dev.sweep.kafka.KafkaEventSink;
import dev.sweep.kafka.KafkaSettings;
import dev.sweep.kafka.KafkaStatus;
import dev.sweep.kafka.KafkaTopics;
import dev.sweep.report.UserInputException;
import dev.sweep.venue.Venue;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sweep publish}: the venues' books, as exact sequenced events on Kafka, for any number of readers. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Run the venues' feeds and publish their books to Kafka: every (re)sync, frame and change of"
                + " state as an event on PREFIX.book.events, and each book's latest snapshot on the compacted"
                + " PREFIX.book.snapshots, creating them if missing. 'sweep sell|buy|book --kafka' rebuild the books"
                + " from them. Runs until Ctrl-C or --duration; a broker that is away is retried and reported.",
        footer = {"", "Example: sweep publish --kafka 127.0.0.1:9092 --demo --symbols BTC-USD,ETH-USD"})
final class PublishCommand implements Callable<Integer> {

    /** The brokers' troubles go to feed.log with the venues'. */
    private static final Logger LOG = LoggerFactory.getLogger("sweep.feed");

    private final Console console;

    @Mixin
    private StreamOptions stream;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of each topic when it is created (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--replication", paramLabel = "N", defaultValue = "1",
            description = "Replication factor of each topic when it is created (default: ${DEFAULT-VALUE}).")
    private short replication;

    @Mixin
    private FeedOptions feed;

    PublishCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (feed.kafka == null) {
            throw new UserInputException("publish needs --kafka HOST:PORT: the cluster to write to");
        }
        KafkaSettings settings = topics(feed.kafkaSettings());
        long length = stream.duration(Duration.ofNanos(Long.MAX_VALUE)).toNanos();
        List<Instrument> instruments = stream.instruments();
        List<Venue> selected = stream.venues(instruments);
        feed.startLogs(console);
        KafkaStatus status = new Report(console.err());
        try (StopRequest stop = StopRequest.install("sweep-publish-shutdown")) {
            if (!KafkaTopics.ensure(settings, status, millis -> stop.await(TimeUnit.MILLISECONDS.toNanos(millis)))) {
                return ExitCode.OK;
            }
            try (KafkaEventSink sink = new KafkaEventSink(settings, status);
                 BookPublisher publisher = new BookPublisher(settings, sink)) {
                try (LiveFeeds feeds = LiveFeeds.connect(feed, selected, instruments, FrameTap.NONE, manager -> {
                    manager.attach(publisher::listenerFor);
                    manager.addStateListener(publisher);
                })) {
                    console.err().printf("publishing %s of %s to %s and %s on %s%s%n",
                            String.join(", ", stream.symbols),
                            String.join(", ", selected.stream().map(Venue::name).toList()),
                            settings.eventsTopic(), settings.snapshotsTopic(), settings.bootstrap(),
                            feeds.isDemo() ? " (DEMO: the simulator's books)" : "");
                    console.err().flush();
                    // Publishing happens on the feeds' threads; this one only waits for the end.
                    stop.await(length);
                }
            }
            return ExitCode.OK;
        }
    }

    private KafkaSettings topics(KafkaSettings settings) {
        try {
            return settings.withTopics(partitions, replication);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--partitions and --replication must be positive");
        }
    }

    /** The brokers' troubles, on stderr and in the log, once each time they start and end. */
    private static final class Report implements KafkaStatus {

        private final PrintWriter err;

        Report(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void onBrokerProblem(String reason) {
            LOG.warn("{}", reason);
            synchronized (err) {
                err.println("sweep: kafka: " + reason);
                err.flush();
            }
        }

        @Override
        public void onBrokerBack() {
            LOG.info("the brokers answer again");
            synchronized (err) {
                err.println("sweep: kafka: the brokers answer again");
                err.flush();
            }
        }
    }
}
