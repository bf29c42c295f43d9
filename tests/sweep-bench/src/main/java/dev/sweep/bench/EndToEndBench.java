package dev.sweep.bench;

import dev.sweep.core.Instrument;
import dev.sweep.feed.BookView;
import dev.sweep.feed.FeedManager;
import dev.sweep.feed.FeedSettings;
import dev.sweep.feed.FrameTap;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The whole path over loopback: the simulator sending a given number of book updates per second (spread over the
 * three venues and three instruments), Sweep's feeds keeping up with them. Reports frames per second received
 * against sent (a growing difference would mean the client falls behind) and the latency from the simulator's send
 * time (the {@code timestamp} Kraken and Coinbase frames carry) to the frame reaching the feed's handler, where
 * decoding starts; decode + apply adds the time {@link DecodeBenchmark} measures.
 *
 * <p>Run from the repository root: {@code java -cp tests/sweep-bench/target/benchmarks.jar
 * dev.sweep.bench.EndToEndBench [UPDATES_PER_SECOND] [SECONDS]}.
 */
public final class EndToEndBench {

    private static final byte[] TIMESTAMP = "\"timestamp\":\"".getBytes(StandardCharsets.US_ASCII);
    /** The instruments the loopback benchmarks follow on every venue that lists them. */
    static final List<Instrument> INSTRUMENTS = List.of(Instrument.of("BTC-USD"), Instrument.of("ETH-USD"),
            Instrument.of("SOL-USD"));

    private EndToEndBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        int updatesPerSecond = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.println(run(updatesPerSecond, seconds));
    }

    /** Runs the simulator and the feeds for a warm-up and then {@code seconds}, and describes what happened. */
    static String run(int updatesPerSecond, int seconds) throws InterruptedException {
        int books = INSTRUMENTS.size() * Venues.all().size();
        Recorder latency = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
        LongAdder received = new LongAdder();
        FrameTap tap = (venue, connection, receiveEpochNanos, buffer, offset, length) -> {
            received.increment();
            Instant sent = timestamp(buffer, offset, length);
            if (sent != null) {
                long nanos = ChronoUnit.NANOS.between(sent, Instant.now());
                latency.recordValue(Math.max(0, nanos));
            }
        };
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(updatesPerSecond / books));
             FeedManager feeds = new FeedManager(Venues.all(), Venues.all().stream().collect(Collectors.toMap(
                     Venue::name, venue -> simulator.endpoint(venue.name()))), INSTRUMENTS, FeedSettings.defaults(),
                     tap).start()) {
            for (Instrument instrument : INSTRUMENTS) {
                feeds.awaitLive(instrument, Duration.ofSeconds(20), views -> { });
            }
            TimeUnit.SECONDS.sleep(3);
            latency.reset();
            long sentBefore = simulator.framesSent();
            long receivedBefore = received.sum();
            long stepsBefore = simulator.marketSteps();
            long start = System.nanoTime();
            TimeUnit.SECONDS.sleep(seconds);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long sent = simulator.framesSent() - sentBefore;
            long got = received.sum() - receivedBefore;
            long steps = simulator.marketSteps() - stepsBefore;
            Histogram histogram = latency.getIntervalHistogram();
            boolean allLive = INSTRUMENTS.stream().allMatch(instrument -> feeds.views(instrument).stream()
                    .allMatch(BookView::isLive));
            return String.format(Locale.ROOT, "end to end over loopback, %d s: %,.0f book updates/s generated,"
                            + " %,.0f frames/s sent, %,.0f frames/s received (%,d behind at the end); books live: %s%n"
                            + "send → handler latency (µs): p50 %.1f, p90 %.1f, p99 %.1f, p99.9 %.1f, max %.1f"
                            + " (%,d frames with a timestamp)",
                    seconds, steps / elapsed, sent / elapsed, got / elapsed, simulator.framesSent() - received.sum(),
                    allLive, micros(histogram, 50), micros(histogram, 90), micros(histogram, 99),
                    micros(histogram, 99.9), histogram.getMaxValue() / 1e3, histogram.getTotalCount());
        }
    }

    private static double micros(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e3;
    }

    /** The RFC 3339 {@code timestamp} field of a frame, or null. */
    private static Instant timestamp(byte[] buffer, int offset, int length) {
        int end = offset + length;
        outer:
        for (int i = offset; i + TIMESTAMP.length < end; i++) {
            for (int j = 0; j < TIMESTAMP.length; j++) {
                if (buffer[i + j] != TIMESTAMP[j]) {
                    continue outer;
                }
            }
            int from = i + TIMESTAMP.length;
            int to = from;
            while (to < end && buffer[to] != '"') {
                to++;
            }
            return Instant.parse(new String(buffer, from, to - from, StandardCharsets.US_ASCII));
        }
        return null;
    }
}
