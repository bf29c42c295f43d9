package dev.sweep.bench;

import dev.sweep.core.BookCut;
import dev.sweep.core.Instrument;
import dev.sweep.feed.BookCopies;
import dev.sweep.feed.BookView;
import dev.sweep.kafka.Broker;
import dev.sweep.kafka.KafkaBooks;
import dev.sweep.kafka.KafkaSettings;
import dev.sweep.kafka.SimPublisher;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Book events through Kafka on loopback: the simulator's feeds published by {@code sweep publish}'s classes to a real
 * one-node KRaft broker in this JVM, and read back and applied by the books {@code --kafka} uses. Reports the events
 * per second the reader applied beside those the publisher received from the venues in the same run (the baseline:
 * a reader that keeps up applies as many), and the reader's lag: from the publisher receiving a frame to the reader
 * having applied its event.
 *
 * <p>Run from the repository root: {@code java -cp tests/sweep-bench/target/benchmarks.jar
 * dev.sweep.bench.KafkaFlowBench [UPDATES_PER_SECOND] [SECONDS]}.
 */
public final class KafkaFlowBench {

    private KafkaFlowBench() {
    }

    public static void main(String[] args) throws Exception {
        int updatesPerSecond = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.println(run(updatesPerSecond, seconds));
    }

    /** Publishes and reads for a warm-up and then {@code seconds}, and describes what happened. */
    static String run(int updatesPerSecond, int seconds) throws Exception {
        List<Venue> venues = Venues.all().stream()
                .filter(venue -> EndToEndBench.INSTRUMENTS.stream().allMatch(venue::lists)).toList();
        int books = venues.size() * EndToEndBench.INSTRUMENTS.size();
        try (Broker broker = Broker.start();
             Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(updatesPerSecond / books))) {
            KafkaSettings settings = KafkaSettings.of(broker.bootstrap());
            try (SimPublisher publisher = new SimPublisher(simulator, venues, EndToEndBench.INSTRUMENTS, settings)) {
                Recorder lag = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
                LongAdder applied = new LongAdder();
                try (KafkaBooks reader = new KafkaBooks(settings, venues.stream().map(Venue::name).toList(),
                        EndToEndBench.INSTRUMENTS).onApplied(event -> {
                            lag.recordValue(Math.max(0, publisher.publisher().wallNanos() - event.receiveNanos()));
                            applied.increment();
                        }).start()) {
                    for (Instrument instrument : EndToEndBench.INSTRUMENTS) {
                        awaitLive(reader, instrument);
                    }
                    TimeUnit.SECONDS.sleep(3);
                    lag.reset();
                    long appliedBefore = applied.sum();
                    long publishedBefore = publisher.eventsPublished();
                    long start = System.nanoTime();
                    TimeUnit.SECONDS.sleep(seconds);
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    double appliedPerSecond = (applied.sum() - appliedBefore) / elapsed;
                    double publishedPerSecond = (publisher.eventsPublished() - publishedBefore) / elapsed;
                    Histogram histogram = lag.getIntervalHistogram();
                    return String.format(Locale.ROOT, "Kafka on loopback, %d s, %d books: %,.0f events/s"
                                    + " published, %,.0f applied by the reader (%.2f× the published rate)%n"
                                    + "reader lag, frame received by the publisher → event applied by the reader"
                                    + " (ms): p50 %.2f, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f (%,d events)",
                            seconds, books, publishedPerSecond, appliedPerSecond,
                            appliedPerSecond / publishedPerSecond, millis(histogram, 50), millis(histogram, 90),
                            millis(histogram, 99), millis(histogram, 99.9), histogram.getMaxValue() / 1e6,
                            histogram.getTotalCount());
                }
            }
        }
    }

    private static void awaitLive(KafkaBooks reader, Instrument instrument) throws InterruptedException {
        List<BookView> views = reader.awaitLive(instrument, BookCut.WHOLE, new BookCopies(), Duration.ofSeconds(60),
                change -> { });
        if (!views.stream().allMatch(BookView::isLive)) {
            throw new IllegalStateException("the " + instrument + " books read from Kafka did not become live in 60 s");
        }
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }
}
