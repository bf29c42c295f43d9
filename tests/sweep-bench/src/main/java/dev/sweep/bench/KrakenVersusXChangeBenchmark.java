package dev.sweep.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sweep.core.BookSide;
import dev.sweep.core.BookState;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.FeedAdapter;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.kraken.KrakenVenue;
import info.bitrich.xchangestream.kraken.KrakenStreamingAdapters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.trade.LimitOrder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same Kraken book updates through Sweep's adapter (v2 frames: decode, apply, truncate, checksum) and through
 * XChange's Kraken streaming adapter ({@code xchange-stream-kraken} 5.2.0, the Java library most users would reach
 * for), fed the same changes in its protocol's form (v1 frames, parsed by Jackson as XChange's streaming service
 * does, then {@code adaptOrderbookMessage}, which also computes its checksum). Same book depth, same frames.
 *
 * <p>Run: {@code java -jar tests/sweep-bench/target/benchmarks.jar KrakenVersusXChangeBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class KrakenVersusXChangeBenchmark {

    private static final int PAIRS = 1024;
    private static final CurrencyPair BTC_USD = new CurrencyPair("BTC/USD");

    /** Levels per side: the subscribed depth of both clients. */
    @Param({"100", "1000"})
    public int depth;

    private final ObjectMapper jackson = new ObjectMapper();
    private byte[][] sweepFrames;
    private byte[][] xchangeFrames;
    private FeedAdapter adapter;
    private VenueBooks books;
    private TreeSet<LimitOrder> bids;
    private TreeSet<LimitOrder> asks;
    private int next;

    @Setup
    public void setUp() throws IOException {
        Venue venue = new KrakenVenue(depth);
        UpdateStream stream = UpdateStream.of(venue, depth, PAIRS, 42);
        sweepFrames = stream.updates;
        xchangeFrames = new byte[stream.changes.size()][];
        for (int i = 0; i < xchangeFrames.length; i++) {
            xchangeFrames[i] = v1Update(stream.changes.get(i));
        }
        books = venue.newBooks(List.of(UpdateStream.BTC_USD), new DecodeBenchmark.FailureCounter());
        adapter = venue.newAdapter(books);
        for (byte[] frame : stream.subscription) {
            adapter.onFrame(frame, 0, frame.length, 0);
        }
        if (books.get(0).state() != BookState.LIVE) {
            throw new IllegalStateException("the Sweep book did not go live");
        }
        bids = new TreeSet<>(Comparator.comparing(LimitOrder::getLimitPrice).reversed());
        asks = new TreeSet<>(Comparator.comparing(LimitOrder::getLimitPrice));
        xchange(v1Snapshot(stream.truth));
        if (bids.size() != stream.truth.bids().depth() || asks.size() != stream.truth.asks().depth()) {
            throw new IllegalStateException("the XChange book did not take the snapshot");
        }
    }

    @Benchmark
    public VenueBooks sweepDecodeAndApply() {
        byte[] frame = sweepFrames[next];
        adapter.onFrame(frame, 0, frame.length, next);
        next = (next + 1) & (sweepFrames.length - 1);
        return books;
    }

    @Benchmark
    public Object xchangeDecodeAndApply() throws IOException {
        byte[] frame = xchangeFrames[next];
        next = (next + 1) & (xchangeFrames.length - 1);
        return xchange(frame);
    }

    private Object xchange(byte[] frame) throws IOException {
        return KrakenStreamingAdapters.adaptOrderbookMessage(depth, bids, asks, BTC_USD,
                (ArrayNode) jackson.readTree(frame));
    }

    /** {@code [0,{"b":[[price,volume,time],…]},{"a":[…]},"book-N","XBT/USD"]}, without the optional checksum. */
    private byte[] v1Update(List<Level> changes) {
        StringBuilder frame = new StringBuilder("[0");
        for (Side side : Side.values()) {
            StringBuilder levels = new StringBuilder();
            for (Level change : changes) {
                if (change.side() == side) {
                    appendLevel(levels, change.price(), change.size());
                }
            }
            if (levels.length() > 0) {
                frame.append(",{\"").append(side == Side.BID ? "b" : "a").append("\":[").append(levels).append("]}");
            }
        }
        return frame.append(",\"book-").append(depth).append("\",\"XBT/USD\"]").toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] v1Snapshot(OrderBook book) {
        StringBuilder frame = new StringBuilder("[0,{\"as\":[");
        appendSide(frame, book.asks());
        frame.append("],\"bs\":[");
        appendSide(frame, book.bids());
        return frame.append("]},\"book-").append(depth).append("\",\"XBT/USD\"]").toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void appendSide(StringBuilder frame, BookSide side) {
        StringBuilder levels = new StringBuilder();
        for (int i = 0; i < side.depth(); i++) {
            appendLevel(levels, side.price(i), side.size(i));
        }
        frame.append(levels);
    }

    private static void appendLevel(StringBuilder levels, long price, long size) {
        if (levels.length() > 0) {
            levels.append(',');
        }
        levels.append("[\"");
        FixedPoint.append(levels, price, UpdateStream.BTC_USD.priceScale(), 1);
        levels.append("\",\"");
        FixedPoint.append(levels, size, UpdateStream.BTC_USD.sizeScale(), 8);
        levels.append("\",\"1582905486.493008\"]");
    }
}
