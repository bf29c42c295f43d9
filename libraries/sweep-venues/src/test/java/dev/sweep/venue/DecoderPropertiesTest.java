package dev.sweep.venue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookSide;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Every venue's adapter, played against its own server-side proxy: books survive the round trip exactly, follow
 * random update streams exactly, and no input, however broken, makes an adapter throw or leaves a corrupted book
 * marked live.
 */
class DecoderPropertiesTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    /** Bids are below this price and asks at or above it, so generated books never cross. */
    private static final long MID = 60_000L * 100_000_000L;
    private static final long TICK = 10_000_000L; // 0.1: Kraken's BTC/USD precision
    private static final long SATOSHI = 100;      // 10^-8 at a size scale of 10

    @Property(tries = 200)
    void aSnapshotDecodesToTheSameBook(@ForAll("dialects") Dialect dialect, @ForAll("books") OrderBook truth) {
        VenueHarness client = new VenueHarness(dialect.venue(), "BTC-USD");
        OrderBook visible = visible(truth, dialect.depth());

        client.feed(dialect.snapshot(visible));

        VenueBook book = client.book("BTC-USD");
        assertThat(book.state()).isEqualTo(BookState.LIVE);
        assertThat(VenueHarness.sameLevels(book.book(), visible)).isTrue();
    }

    @Property(tries = 200)
    void randomUpdateStreamsAreFollowedExactly(@ForAll("dialects") Dialect dialect, @ForAll("books") OrderBook truth,
                                              @ForAll @Size(max = 30) List<@Size(min = 1, max = 6) List<@net.jqwik.api.From("changes") Level>> frames) {
        VenueHarness client = new VenueHarness(dialect.venue(), "BTC-USD");
        client.feed(dialect.snapshot(visible(truth, dialect.depth())));
        for (List<Level> changes : frames) {
            OrderBook before = visible(truth, dialect.depth());
            changes.forEach(change -> truth.set(change.side(), change.price(), change.size()));
            OrderBook visible = visible(truth, dialect.depth());
            client.feed(dialect.update(withLevelsEnteringScope(before, changes, visible, dialect.depth()), visible));

            VenueBook book = client.book("BTC-USD");
            assertThat(book.state()).isEqualTo(BookState.LIVE);
            assertThat(VenueHarness.sameLevels(book.book(), visible)).isTrue();
        }
        assertThat(client.events().events()).doesNotHaveAnyElementsOfTypes(FeedEvents.Rejected.class,
                FeedEvents.Broken.class);
    }

    @Property(tries = 500)
    void arbitraryBytesNeverThrowAndNeverCorruptALiveBook(@ForAll("dialects") Dialect dialect,
                                                          @ForAll("books") OrderBook truth,
                                                          @ForAll @Size(max = 300) byte[] garbage) {
        VenueHarness client = new VenueHarness(dialect.venue(), "BTC-USD");
        OrderBook visible = visible(truth, dialect.depth());
        client.feed(dialect.snapshot(visible));

        client.feed(garbage);

        VenueBook book = client.book("BTC-USD");
        assertThat(book.state() != BookState.LIVE || VenueHarness.sameLevels(book.book(), visible)).isTrue();
    }

    @Property(tries = 1000)
    void mutatedFramesAreAppliedWholeOrRejected(@ForAll("dialects") Dialect dialect, @ForAll("books") OrderBook truth,
                                               @ForAll @Size(min = 1, max = 6) List<@net.jqwik.api.From("changes") Level> changes,
                                               @ForAll @IntRange(min = 0, max = 100_000) int position,
                                               @ForAll byte replacement, @ForAll @IntRange(min = 0, max = 2) int kind) {
        VenueHarness client = new VenueHarness(dialect.venue(), "BTC-USD");
        OrderBook before = visible(truth, dialect.depth());
        client.feed(dialect.snapshot(before));
        changes.forEach(change -> truth.set(change.side(), change.price(), change.size()));
        OrderBook after = visible(truth, dialect.depth());
        byte[] frame = dialect.update(withLevelsEnteringScope(before, changes, after, dialect.depth()), after)
                .getBytes(StandardCharsets.UTF_8);

        client.feed(mutate(frame, position % frame.length, replacement, kind));

        VenueBook book = client.book("BTC-USD");
        if (book.state() == BookState.LIVE) {
            assertWellFormed(book.book());
            if (dialect.depth() > 0) {
                // Kraken: the checksum covers every level of a depth-10 book, so a live book is one of the two.
                assertThat(VenueHarness.sameLevels(book.book(), before) || VenueHarness.sameLevels(book.book(), after))
                        .isTrue();
            }
        }
    }

    /**
     * A venue that sends a limited depth (Kraken) also sends the levels that a deletion brings into scope, after the
     * changes themselves: what a client applying only the changes would lack.
     */
    private static List<Level> withLevelsEnteringScope(OrderBook before, List<Level> changes, OrderBook after,
                                                       int depth) {
        if (depth == 0) {
            return changes;
        }
        OrderBook client = visible(before, depth);
        changes.forEach(change -> client.set(change.side(), change.price(), change.size()));
        client.truncate(depth);
        List<Level> frame = new ArrayList<>(changes);
        for (Side side : Side.values()) {
            BookSide levels = after.side(side);
            for (int i = 0; i < levels.depth(); i++) {
                if (client.side(side).sizeAt(levels.price(i)) != levels.size(i)) {
                    frame.add(new Level(side, levels.price(i), levels.size(i)));
                }
            }
        }
        return frame;
    }

    private static byte[] mutate(byte[] frame, int at, byte replacement, int kind) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : frame) {
            bytes.add(b);
        }
        switch (kind) {
            case 0 -> bytes.set(at, replacement);
            case 1 -> bytes.add(at, replacement);
            default -> bytes.remove(at);
        }
        byte[] mutated = new byte[bytes.size()];
        for (int i = 0; i < mutated.length; i++) {
            mutated[i] = bytes.get(i);
        }
        return mutated;
    }

    private static void assertWellFormed(OrderBook book) {
        assertThat(book.isCrossed()).isFalse();
        for (Side side : Side.values()) {
            BookSide levels = book.side(side);
            for (int i = 0; i < levels.depth(); i++) {
                assertThat(levels.size(i)).isPositive();
                assertThat(levels.price(i)).isPositive();
                if (i > 0) {
                    assertThat(side.isBetter(levels.price(i - 1), levels.price(i))).isTrue();
                }
            }
        }
    }

    /** What the client of a venue with this depth sees of the truth. */
    private static OrderBook visible(OrderBook truth, int depth) {
        OrderBook visible = new OrderBook(truth.venue(), truth.instrument(), truth.pricePrecision());
        for (Side side : Side.values()) {
            BookSide levels = truth.side(side);
            int count = depth == 0 ? levels.depth() : Math.min(depth, levels.depth());
            for (int i = 0; i < count; i++) {
                visible.set(side, levels.price(i), levels.size(i));
            }
        }
        return visible;
    }

    @Provide
    Arbitrary<Dialect> dialects() {
        return Arbitraries.of(Dialect.all());
    }

    @Provide
    Arbitrary<OrderBook> books() {
        return changes().list().ofMaxSize(60).map(levels -> {
            OrderBook book = new OrderBook("truth", BTC_USD, 1);
            levels.forEach(level -> book.set(level.side(), level.price(), level.size()));
            return book;
        });
    }

    @Provide
    Arbitrary<Level> changes() {
        Arbitrary<Long> ticks = Arbitraries.longs().between(1, 80);
        Arbitrary<Long> sizes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)),
                net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(1, 500_000_000L).map(units -> units * SATOSHI)));
        return Combinators.combine(Arbitraries.of(Side.values()), ticks, sizes).as((side, tick, size) ->
                new Level(side, side == Side.BID ? MID - tick * TICK : MID + (tick - 1) * TICK, size));
    }
}
