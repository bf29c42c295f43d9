package dev.sweep.bench;

import dev.sweep.core.Instrument;
import dev.sweep.core.Side;
import dev.sweep.feed.FeedManager;
import dev.sweep.feed.FeedSettings;
import dev.sweep.feed.FrameTap;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.Venues;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * The whole path over loopback, with the simulator in a JVM of its own ({@link SimulatorProcess}): the market moving a
 * given number of book updates per second over every book of every venue, Sweep's feeds following every one of
 * them in this JVM. Reports the rate achieved, frames received against sent (a growing difference would mean the
 * client falls behind), and for Kraken's updates, whose frames carry their time to the microsecond, the latency from
 * the time the update was due to its book having been updated and checked (a listener attached to the books sees it
 * then), beside the latency of the same frames to the feed's handler, before decoding: the baseline of what loopback,
 * Netty and the simulator cost. The simulator's own part is measured in its JVM ({@link FlushTimes}): from the time
 * each update was due to its frame written, then flushed to the socket.
 *
 * <p>The simulator paces its market on a fixed schedule and stamps each update with the time its step was due, not
 * the time it went out, so the latencies count the simulator's lateness too: they are free of coordinated omission.
 *
 * <p>Run from the repository root: {@code java -cp tests/sweep-bench/target/benchmarks.jar
 * dev.sweep.bench.EndToEndBench [UPDATES_PER_SECOND] [SECONDS]}; without arguments, 50,000 then 100,000 updates/s.
 */
public final class EndToEndBench {

    /** The instruments the loopback benchmarks follow on every venue that lists them. */
    static final List<Instrument> INSTRUMENTS = List.of(Instrument.of("BTC-USD"), Instrument.of("ETH-USD"),
            Instrument.of("SOL-USD"));
    /** The venue whose frames are timed: its frames carry their time to the microsecond, and its adapter reads it. */
    private static final String TIMED_VENUE = "kraken";
    /** Time for the JIT to compile the path, in both JVMs, before the measured run. */
    private static final int WARM_UP_SECONDS = 4;
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);
    /**
     * How far below its schedule the simulator may end a run and still be said to have kept it: the updates made are
     * counted between two readings of its counters, taken a few milliseconds apart from the measured interval's ends.
     */
    static final double SHORTFALL = 0.01;

    private EndToEndBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 0) {
            System.out.println(report());
            return;
        }
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        System.out.println(run(Integer.parseInt(args[0]), WARM_UP_SECONDS, seconds).describe());
    }

    /** The two rates of the performance targets, 8 s each after their warm-up: about 30 s in all. */
    static String report() throws IOException, InterruptedException {
        return run(50_000, WARM_UP_SECONDS, 8).describe() + "\n" + run(100_000, WARM_UP_SECONDS, 8).describe();
    }

    /**
     * What one run measured.
     *
     * @param asked           book updates per second asked of the simulator, over all its books
     * @param books           books the market moves, each followed by the feeds
     * @param ratePerBook     updates per second per book: the rate asked, spread over the books and rounded down
     * @param seconds         the measured time
     * @param stepsPerSecond  book updates the market made per second
     * @param sentPerSecond   frames the simulator sent per second (updates, heartbeats)
     * @param receivedPerSecond frames the feeds received per second
     * @param behind          frames sent and not received at the end
     * @param notLive         the books not live at the end, each as {@code venue SYMBOL STATE (resyncs, problem)}
     * @param toWritten       from an update's due time to its frame written by the simulator, nanoseconds
     * @param toFlushed       from an update's due time to the simulator's flush of its frame to the socket
     * @param toHandler       from an update's due time to its frame reaching the feed's handler
     * @param toBook          from the same updates' due time to their book updated
     * @param client          what this JVM spent in the measured time: CPU, collections
     * @param simulator       what the simulator's JVM spent
     */
    record Result(int asked, int books, int ratePerBook, long seconds, double stepsPerSecond, double sentPerSecond,
                  double receivedPerSecond, long behind, List<String> notLive, Histogram toWritten,
                  Histogram toFlushed, Histogram toHandler, Histogram toBook, JvmCosts client, JvmCosts simulator) {

        /** Book updates a second the simulator was set to make: the rate per book times the books. */
        long scheduled() {
            return (long) ratePerBook * books;
        }

        /**
         * Whether the simulator made fewer updates than scheduled, by more than {@link #SHORTFALL}: it then falls
         * further behind its schedule all through the run, and the latencies measure mostly that lateness.
         */
        boolean fellShort() {
            return stepsPerSecond < (1 - SHORTFALL) * scheduled();
        }

        String describe() {
            return String.format(Locale.ROOT, "end to end on loopback, the simulator in its own JVM, %,d updates/s asked"
                            + " (%d books at %,d), %d s: %,.0f updates/s made (%.1f %% of the %,d scheduled), %,.0f"
                            + " frames/s sent, %,.0f received (%,d behind at the end); books not live at the end: %s%n"
                            + "%s"
                            + "  latency of %s's %,.0f updates/s from the time each was due, µs:%n"
                            + "  → frame written by the simulator (its pacing and its step): %s%n"
                            + "  → flushed to the socket by the simulator (all of its own part): %s%n"
                            + "  → frame at the feed's handler, before decoding (loopback and the client's loop"
                            + " too): %s%n"
                            + "  → book updated and checked: %s%n"
                            + "  spent in the run: client %s; simulator %s",
                    asked, books, ratePerBook, seconds, stepsPerSecond, 100 * stepsPerSecond / scheduled(),
                    scheduled(), sentPerSecond, receivedPerSecond, behind, notLive.isEmpty() ? "none" : notLive,
                    fellShort() ? "  the simulator fell short of the rate asked: the latencies below are mostly its"
                            + " own lateness, which grew all through the run" + System.lineSeparator() : "",
                    TIMED_VENUE, (double) toBook.getTotalCount() / seconds, percentiles(toWritten),
                    percentiles(toFlushed), percentiles(toHandler), percentiles(toBook), client.describe(seconds),
                    simulator.describe(seconds));
        }

        private static String percentiles(Histogram histogram) {
            return String.format(Locale.ROOT, "p50 %.1f, p90 %.1f, p99 %.1f, p99.9 %.1f, max %.1f",
                    micros(histogram, 50), micros(histogram, 90), micros(histogram, 99), micros(histogram, 99.9),
                    histogram.getMaxValue() / 1e3);
        }

        private static double micros(Histogram histogram, double percentile) {
            return histogram.getValueAtPercentile(percentile) / 1e3;
        }
    }

    /** Starts the simulator's JVM and the feeds, warms up, measures for {@code seconds}, and stops both. */
    static Result run(int updatesPerSecond, int warmUpSeconds, int seconds) throws IOException, InterruptedException {
        Instant wall = Instant.now();
        long epochOffsetNanos = wall.getEpochSecond() * 1_000_000_000L + wall.getNano() - System.nanoTime();
        DueToBook timed = new DueToBook(epochOffsetNanos);
        LongAdder received = new LongAdder();
        FrameTap tap = (venue, connection, receiveEpochNanos, buffer, offset, length) -> received.increment();
        try (SimulatorProcess simulator = SimulatorProcess.start(updatesPerSecond, epochOffsetNanos,
                TIMED_VENUE);
             FeedManager feeds = new FeedManager(Venues.all(), simulator.endpoints(), simulator.restEndpoints(),
                     simulator.instruments(), FeedSettings.defaults(), tap)
                     .attach(venue -> venue.name().equals(TIMED_VENUE) ? timed : NoBookListener.INSTANCE).start()) {
            List<Instrument> followed = simulator.instruments().values().stream().flatMap(List::stream).distinct()
                    .toList();
            for (Instrument instrument : followed) {
                feeds.awaitLive(instrument, Duration.ofSeconds(20), change -> { });
            }
            TimeUnit.SECONDS.sleep(warmUpSeconds);
            timed.takeInterval();
            SimulatorProcess.Stats before = simulator.stats();
            long receivedBefore = received.sum();
            JvmCosts costsBefore = JvmCosts.now();
            long start = System.nanoTime();
            TimeUnit.SECONDS.sleep(seconds);
            Histogram[] interval = timed.takeInterval();
            Histogram bookHistogram = interval[0];
            Histogram handlerHistogram = interval[1];
            SimulatorProcess.Stats after = simulator.stats();
            long receivedAfter = received.sum();
            double elapsed = (System.nanoTime() - start) / 1e9;
            JvmCosts client = JvmCosts.now().since(costsBefore);
            List<String> notLive = followed.stream().flatMap(instrument -> feeds.views(instrument).stream()
                    .filter(view -> !view.isLive()).map(view -> view.venue() + " " + instrument.symbol() + " "
                            + view.state() + " (" + view.resyncs() + " resyncs, " + view.lastProblem() + ")")).toList();
            return new Result(updatesPerSecond, simulator.books(), simulator.ratePerBook(), seconds,
                    (after.steps() - before.steps()) / elapsed, (after.framesSent() - before.framesSent()) / elapsed,
                    (receivedAfter - receivedBefore) / elapsed, after.framesSent() - receivedAfter, notLive,
                    after.toWritten(), after.toFlushed(), handlerHistogram, bookHistogram, client,
                    after.costs().since(before.costs()));
        }
    }

    /**
     * Times each update of a book once it has been applied and checked: from the time the simulator says it was due
     * to now, and to when its frame reached the feed's handler. Runs on the connection's thread and allocates nothing.
     * Both times of an update are recorded under one lock, which the interval is taken under too, so that the two
     * histograms of an interval always count the same updates.
     */
    private static final class DueToBook implements BookListener {

        private final long epochOffsetNanos;
        private Histogram toBook = new Histogram(HIGHEST_NANOS, 3);
        private Histogram toHandler = new Histogram(HIGHEST_NANOS, 3);

        DueToBook(long epochOffsetNanos) {
            this.epochOffsetNanos = epochOffsetNanos;
        }

        /** The times recorded since the last call, to the book then to the handler; recording starts afresh. */
        synchronized Histogram[] takeInterval() {
            Histogram[] interval = {toBook, toHandler};
            toBook = new Histogram(HIGHEST_NANOS, 3);
            toHandler = new Histogram(HIGHEST_NANOS, 3);
            return interval;
        }

        @Override
        public void onSnapshot(VenueBook book) {
            // Timed as a whole in onApplied.
        }

        @Override
        public void onLevel(VenueBook book, Side side, long price, long size) {
            // Timed as a whole in onApplied.
        }

        @Override
        public synchronized void onApplied(VenueBook book, long receiveNanos, long venueSeq, long venueNanos) {
            if (venueNanos == BookListener.NONE) {
                return;
            }
            long dueNanos = venueNanos - epochOffsetNanos;
            toBook.recordValue(Math.min(HIGHEST_NANOS, Math.max(0, System.nanoTime() - dueNanos)));
            toHandler.recordValue(Math.min(HIGHEST_NANOS, Math.max(0, receiveNanos - dueNanos)));
        }
    }

    /** Attached to the venues that are not timed. */
    private enum NoBookListener implements BookListener {
        INSTANCE;

        @Override
        public void onSnapshot(VenueBook book) {
            // Not timed.
        }

        @Override
        public void onLevel(VenueBook book, Side side, long price, long size) {
            // Not timed.
        }

        @Override
        public void onApplied(VenueBook book, long receiveNanos, long venueSeq, long venueNanos) {
            // Not timed.
        }
    }
}
