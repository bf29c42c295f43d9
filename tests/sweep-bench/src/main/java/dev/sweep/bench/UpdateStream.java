package dev.sweep.bench;

import dev.sweep.core.BookSide;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A venue's snapshot and a cycle of update frames over a deep book: each pair of frames changes two levels (a new
 * size, a deletion or an insertion, mostly near the top of the book, as real feeds do) and then restores them, so
 * the frames can be replayed round and round and every checksum still matches.
 */
final class UpdateStream {

    static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final long MID = 67_000L * 100_000_000L;
    private static final long TICK = 10_000_000L;
    private static final long SATOSHI = 100;

    final byte[] snapshot;
    final byte[][] updates;
    /** The level changes of each update frame, for baselines that need them in another protocol's form. */
    final List<List<Level>> changes;
    /** The book the snapshot describes; the stream leaves the client's book equal to it after every cycle. */
    final OrderBook truth;

    private UpdateStream(byte[] snapshot, byte[][] updates, List<List<Level>> changes, OrderBook truth) {
        this.snapshot = snapshot;
        this.updates = updates;
        this.changes = changes;
        this.truth = truth;
    }

    /**
     * @param levels levels per side
     * @param pairs  change-and-restore pairs (the stream has twice as many frames)
     */
    static UpdateStream of(Dialect dialect, int levels, int pairs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // A venue that truncates to a depth (Kraken) would drop a level pushed out by an insertion and never get it
        // back; leave room for a pair's two insertions so that the cycle stays exact.
        int bookLevels = dialect.depth() > 0 ? Math.min(levels, dialect.depth() - 2) : levels;
        OrderBook truth = book(bookLevels, random);
        byte[] snapshot = bytes(dialect.snapshot(truth));
        OrderBook initial = truth.copy();
        List<byte[]> updates = new ArrayList<>();
        List<List<Level>> frameChanges = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            List<Level> changes = new ArrayList<>();
            List<Level> restores = new ArrayList<>();
            for (int change = 0; change < 2; change++) {
                Side side = random.nextBoolean() ? Side.BID : Side.ASK;
                int index = random.nextInt(10) < 7 ? random.nextInt(20) : random.nextInt(bookLevels);
                BookSide bookSide = truth.side(side);
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
                restores.add(0, new Level(side, price, size));
                truth.set(side, price, newSize);
            }
            updates.add(bytes(dialect.update(changes, truth)));
            frameChanges.add(changes);
            restores.forEach(level -> truth.set(level.side(), level.price(), level.size()));
            updates.add(bytes(dialect.update(restores, truth)));
            frameChanges.add(restores);
        }
        return new UpdateStream(snapshot, updates.toArray(byte[][]::new), frameChanges, initial);
    }

    private static OrderBook book(int levels, SplittableRandom random) {
        OrderBook book = new OrderBook("truth", BTC_USD, 1);
        for (int i = 0; i < levels; i++) {
            // Two ticks apart, so that there is a free tick between levels for insertions.
            book.set(Side.BID, MID - (i + 1) * 2 * TICK, randomSize(random));
            book.set(Side.ASK, MID + (i + 1) * 2 * TICK, randomSize(random));
        }
        return book;
    }

    /** 0.00000001 to 0.5 BTC, in whole satoshis as real books hold them. */
    private static long randomSize(SplittableRandom random) {
        return (1 + random.nextLong(50_000_000L)) * SATOSHI;
    }

    private static byte[] bytes(String frame) {
        return frame.getBytes(StandardCharsets.UTF_8);
    }
}
