package dev.sweep.bench;

import dev.sweep.core.BookSide;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.DialectHarness;
import dev.sweep.venue.Venue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A venue's subscription frames and a cycle of update frames over a deep book, written by the venue's own server
 * side: each pair of frames changes two levels (a new size, a deletion or an insertion, mostly near the top of the
 * book, as real feeds do) and then restores them, so the frames can be replayed round and round and every checksum
 * still matches.
 */
final class UpdateStream {

    static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final long MID = 67_000L * 100_000_000L;
    private static final long TICK = 10_000_000L;
    private static final long SATOSHI = 100;

    /** What the venue sends when a client connects and subscribes: the snapshot among them, unless REST serves it. */
    final List<byte[]> subscription;
    /**
     * The body of the venue's REST snapshot as of the stream's start, for a venue whose WebSocket sends none
     * (Binance): what a client fetches when its adapter asks, on each connection.
     */
    final Optional<byte[]> restSnapshot;
    final byte[][] updates;
    /** The level changes of each update frame, for baselines that need them in another protocol's form. */
    final List<List<Level>> changes;
    /** The book the snapshot describes; the stream leaves the client's book equal to it after every cycle. */
    final OrderBook truth;

    private UpdateStream(List<byte[]> subscription, Optional<byte[]> restSnapshot, byte[][] updates,
            List<List<Level>> changes, OrderBook truth) {
        this.subscription = subscription;
        this.restSnapshot = restSnapshot;
        this.updates = updates;
        this.changes = changes;
        this.truth = truth;
    }

    /**
     * @param levels levels per side
     * @param pairs  change-and-restore pairs (the stream has twice as many frames)
     * @throws IllegalStateException if the venue does not send exactly one frame per update
     */
    static UpdateStream of(Venue venue, int levels, int pairs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // A venue that truncates to a depth (Kraken) would drop a level pushed out by an insertion and never get it
        // back; leave room for a pair's two insertions so that the cycle stays exact.
        int bookLevels = venue.bookDepth() > 0 ? Math.min(levels, venue.bookDepth() - 2) : levels;
        DialectHarness server = new DialectHarness(venue, BTC_USD.symbol());
        OrderBook truth = server.truth(BTC_USD);
        fill(truth, bookLevels, random);
        List<byte[]> subscription = new ArrayList<>();
        server.connect().forEach(frame -> subscription.add(bytes(frame)));
        server.subscribe(List.of(BTC_USD)).forEach(frame -> subscription.add(bytes(frame)));
        Optional<byte[]> restSnapshot = venue.restSnapshots().map(rest -> bytes(server.snapshot(BTC_USD).body()));
        OrderBook initial = truth.copy();
        List<byte[]> updates = new ArrayList<>();
        List<List<Level>> frameChanges = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            List<Level> changes = new ArrayList<>();
            List<Level> restores = new ArrayList<>();
            OrderBook before = truth.copy();
            for (int change = 0; change < 2; change++) {
                Side side = random.nextBoolean() ? Side.BID : Side.ASK;
                int index = random.nextInt(10) < 7 ? random.nextInt(20) : random.nextInt(bookLevels);
                BookSide bookSide = before.side(side);
                long price;
                long size;
                if (random.nextInt(5) == 0) {
                    // A price between two levels: an insertion, restored by a deletion.
                    price = bookSide.price(index) + (side == Side.BID ? TICK : -TICK);
                    size = 0;
                } else {
                    price = bookSide.price(index);
                    size = bookSide.size(index);
                }
                long newSize = random.nextInt(4) == 0 && size != 0 ? 0 : randomSize(random);
                changes.add(new Level(side, price, newSize));
                restores.add(0, new Level(side, price, before.side(side).sizeAt(price)));
            }
            updates.add(oneFrame(venue, server.change(BTC_USD, changes)));
            frameChanges.add(changes);
            updates.add(oneFrame(venue, server.change(BTC_USD, restores)));
            frameChanges.add(restores);
        }
        return new UpdateStream(subscription, restSnapshot, updates.toArray(byte[][]::new), frameChanges, initial);
    }

    private static byte[] oneFrame(Venue venue, List<String> frames) {
        if (frames.size() != 1) {
            throw new IllegalStateException(venue.name() + " sent " + frames.size() + " frames for one update");
        }
        return bytes(frames.get(0));
    }

    private static void fill(OrderBook book, int levels, SplittableRandom random) {
        for (int i = 0; i < levels; i++) {
            // Two ticks apart, so that there is a free tick between levels for insertions.
            book.set(Side.BID, MID - (i + 1) * 2 * TICK, randomSize(random));
            book.set(Side.ASK, MID + (i + 1) * 2 * TICK, randomSize(random));
        }
    }

    /** 0.00000001 to 0.5 BTC, in whole satoshis as real books hold them. */
    private static long randomSize(SplittableRandom random) {
        return (1 + random.nextLong(50_000_000L)) * SATOSHI;
    }

    private static byte[] bytes(String frame) {
        return frame.getBytes(StandardCharsets.UTF_8);
    }
}
