package dev.sweep.bench;

import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.OrderSide;
import dev.sweep.core.Side;
import dev.sweep.core.SweepEngine;
import dev.sweep.core.SweepResult;
import dev.sweep.core.SweepSource;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import dev.sweep.venue.server.MarketProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sweeping 15 BTC: one 1,000-level book, and three merged: the first three registered venues, each at its default
 * fee (they differ, so the merge compares prices after fee in 128 bits); three, however many venues register, so
 * that figures stay comparable. Then six merged, shaped like the venues' real books (see {@link #venueBook}). The
 * engine writes into a reused result, so a sweep allocates nothing.
 *
 * <p>Run: {@code java -jar tests/sweep-bench/target/benchmarks.jar SweepBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SweepBenchmark {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final long FIFTEEN_BTC = FixedPoint.parseOrThrow("15", BTC_USD.sizeScale());

    private final SweepEngine engine = new SweepEngine();
    private final SweepResult result = new SweepResult();
    private List<SweepSource> one;
    private List<SweepSource> three;
    private List<SweepSource> six;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        three = new ArrayList<>();
        for (Venue venue : Venues.all().subList(0, 3)) {
            OrderBook book = new OrderBook(venue.name(), BTC_USD, 2);
            long mid = 67_000L * 100_000_000L + random.nextLong(1_000_000_000L);
            for (int i = 0; i < 1000; i++) {
                book.set(Side.BID, mid - (i + 1) * 1_000_000L - random.nextLong(1_000_000L), size(random));
                book.set(Side.ASK, mid + (i + 1) * 1_000_000L + random.nextLong(1_000_000L), size(random));
            }
            three.add(new SweepSource(book, venue.defaultTakerFee()));
        }
        one = List.of(three.get(0));
        six = new ArrayList<>();
        for (Venue venue : Venues.all().subList(0, 6)) {
            six.add(new SweepSource(venueBook(venue, random), venue.defaultTakerFee()));
        }
    }

    @Benchmark
    public SweepResult sellOneBook() {
        engine.sweep(one, OrderSide.SELL, FIFTEEN_BTC, result);
        return result;
    }

    @Benchmark
    public SweepResult sellMergedThreeBooks() {
        engine.sweep(three, OrderSide.SELL, FIFTEEN_BTC, result);
        return result;
    }

    @Benchmark
    public SweepResult sellMergedSixBooks() {
        engine.sweep(six, OrderSide.SELL, FIFTEEN_BTC, result);
        return result;
    }

    /**
     * A 1,000-level book quoted the way the venue quotes BTC: its tick (0.1 or 0.01 USD) and its typical spread and
     * level size from its market profile, sizes in whole satoshis (a market profile names no lot), and levels one to
     * three ticks apart, as the simulator builds them. The mids lie within a dollar of each other, so the venues of one fee
     * interleave level by level.
     */
    private static OrderBook venueBook(Venue venue, SplittableRandom random) {
        MarketProfile profile = venue.descriptor().market();
        long tick = FixedPoint.powerOfTen(BTC_USD.priceScale() - profile.tickDecimals());
        long lot = FixedPoint.powerOfTen(BTC_USD.sizeScale() - 8);
        long meanSize = profile.meanSizeCents() * FixedPoint.powerOfTen(BTC_USD.sizeScale() - 2);
        long fair = 67_000L * 100_000_000L + random.nextLong(100_000_000L);
        long halfSpread = Math.max(1, profile.spreadTicks() / 2) * tick;
        long bid = fair - fair % tick - halfSpread;
        long ask = fair - fair % tick + halfSpread;
        OrderBook book = new OrderBook(venue.name(), BTC_USD, profile.tickDecimals());
        for (int i = 0; i < 1000; i++) {
            book.set(Side.BID, bid, venueSize(random, meanSize, lot));
            book.set(Side.ASK, ask, venueSize(random, meanSize, lot));
            bid -= tick * (1 + random.nextInt(3));
            ask += tick * (1 + random.nextInt(3));
        }
        return book;
    }

    /** Up to twice the venue's typical size in whole lots, one level in twenty ten times larger. */
    private static long venueSize(SplittableRandom random, long meanSize, long lot) {
        long lots = 1 + random.nextLong(2 * meanSize / lot);
        return (random.nextInt(20) == 0 ? lots * 10 : lots) * lot;
    }

    /** 0.001 to 0.5 BTC a level: 15 BTC takes about 60 levels. */
    private static long size(SplittableRandom random) {
        return (100_000 + random.nextLong(50_000_000L)) * 100;
    }
}
