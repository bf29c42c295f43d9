package dev.sweep.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class OrderBookTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    private final OrderBook book = new OrderBook("venue", BTC_USD, 1);

    @Test
    void keepsBidsDescendingAndAsksAscending() {
        book.set(Side.BID, price("100.0"), size("1"));
        book.set(Side.BID, price("101.5"), size("2"));
        book.set(Side.BID, price("99.0"), size("3"));
        book.set(Side.ASK, price("103.0"), size("4"));
        book.set(Side.ASK, price("102.0"), size("5"));

        assertThat(levels(book.bids())).containsExactly("101.5@2", "100@1", "99@3");
        assertThat(levels(book.asks())).containsExactly("102@5", "103@4");
        assertThat(book.bestBid()).isEqualTo(price("101.5"));
        assertThat(book.bestAsk()).isEqualTo(price("102.0"));
        assertThat(book.isCrossed()).isFalse();
    }

    @Test
    void sizeZeroDeletesAndDeletingAnAbsentLevelDoesNothing() {
        book.set(Side.BID, price("100"), size("1"));
        book.set(Side.BID, price("99"), size("1"));

        assertThat(book.set(Side.BID, price("100"), 0)).as("level changed").isZero();
        assertThat(book.set(Side.BID, price("98"), 0)).as("level changed").isEqualTo(BookSide.UNCHANGED);
        assertThat(levels(book.bids())).containsExactly("99@1");
    }

    @Test
    void reportsHowDeepEachChangeWas() {
        assertThat(book.set(Side.ASK, price("102"), size("1"))).isZero();
        assertThat(book.set(Side.ASK, price("103"), size("1"))).isEqualTo(1);
        assertThat(book.set(Side.ASK, price("103"), size("2"))).isEqualTo(1);
        assertThat(book.set(Side.ASK, price("102"), size("2"))).isZero();
        assertThat(book.set(Side.ASK, price("101"), size("2"))).isZero();
        assertThat(book.set(Side.ASK, price("102.5"), size("2"))).isEqualTo(2);
        assertThat(book.set(Side.ASK, price("103"), 0)).isEqualTo(3);
    }

    @Test
    void truncateKeepsTheBestLevels() {
        for (int i = 1; i <= 12; i++) {
            book.set(Side.BID, price(Integer.toString(100 - i)), size("1"));
            book.set(Side.ASK, price(Integer.toString(100 + i)), size("1"));
        }
        book.truncate(10);

        assertThat(book.bids().depth()).isEqualTo(10);
        assertThat(book.asks().depth()).isEqualTo(10);
        assertThat(book.bids().price(9)).isEqualTo(price("90"));
        assertThat(book.asks().price(9)).isEqualTo(price("110"));
        assertThat(book.bestBid()).isEqualTo(price("99"));
    }

    @Test
    void aCopyIsEqualAndIndependent() {
        book.set(Side.BID, price("100"), size("1"));
        book.set(Side.ASK, price("101"), size("2"));
        OrderBook copy = book.copy();
        book.set(Side.BID, price("100"), size("5"));

        assertThat(levels(copy.bids())).containsExactly("100@1");
        assertThat(levels(copy.asks())).containsExactly("101@2");
        assertThat(copy.venue()).isEqualTo("venue");
    }

    @Test
    void detectsACrossedBook() {
        book.set(Side.BID, price("101"), size("1"));
        book.set(Side.ASK, price("101"), size("1"));
        assertThat(book.isCrossed()).isTrue();
    }

    @Test
    void emptySidesHaveNoPrice() {
        assertThat(book.bestBid()).isEqualTo(BookSide.NO_PRICE);
        assertThat(book.bids().isEmpty()).isTrue();
        assertThat(book.isCrossed()).isFalse();
        assertThatThrownBy(() -> book.bids().price(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rejectsInvalidLevelsWithoutTouchingTheBook() {
        book.set(Side.BID, price("100"), size("1"));
        assertThatThrownBy(() -> book.set(Side.BID, 0, size("1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> book.set(Side.BID, price("100"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(levels(book.bids())).containsExactly("100@1");
    }

    @Test
    void growsPastItsInitialCapacity() {
        for (int i = 1; i <= 1000; i++) {
            book.set(Side.ASK, i * 100_000_000L, i);
        }
        assertThat(book.asks().depth()).isEqualTo(1000);
        assertThat(book.asks().price(999)).isEqualTo(1000 * 100_000_000L);
        assertThat(book.asks().sizeAt(500 * 100_000_000L)).isEqualTo(500);
    }

    @Test
    void loadsLevelsGivenInAnyOrderAndReplacesTheSide() {
        book.set(Side.BID, price("50"), size("9"));
        long[] prices = {price("100"), price("101.5"), price("99")};
        long[] sizes = {size("1"), size("2"), size("3")};

        assertThat(book.load(Side.BID, prices, sizes, 3)).isEqualTo(BookSide.NO_PRICE);
        assertThat(book.load(Side.ASK, new long[] {price("103"), price("102")}, new long[] {size("4"), size("5")}, 2))
                .isEqualTo(BookSide.NO_PRICE);

        assertThat(levels(book.bids())).containsExactly("101.5@2", "100@1", "99@3");
        assertThat(levels(book.asks())).containsExactly("102@5", "103@4");
    }

    @Test
    void aPriceLoadedTwiceIsReturnedAndLeavesTheSideUnchanged() {
        book.set(Side.ASK, price("50"), size("9"));
        long[] prices = {price("101"), price("102"), price("101"), price("103")};
        long[] sizes = {size("1"), size("1"), size("1"), size("1")};

        assertThat(book.load(Side.ASK, prices, sizes, 4)).isEqualTo(price("101"));
        assertThat(levels(book.asks())).containsExactly("50@9");
    }

    @Test
    void loadRejectsInvalidLevelsWithoutTouchingTheBook() {
        book.set(Side.BID, price("100"), size("1"));
        assertThatThrownBy(() -> book.load(Side.BID, new long[] {price("101"), 0}, new long[] {1, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("level 1: price must be positive: 0");
        assertThatThrownBy(() -> book.load(Side.BID, new long[] {price("101")}, new long[] {0}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("level 0: size must be positive: 0");
        assertThat(levels(book.bids())).containsExactly("100@1");
    }

    /** Loading distinct levels in any order builds the same side as inserting them one by one. */
    @Property(tries = 300)
    void loadingShuffledLevelsEqualsInsertingThemOneByOne(@ForAll Side side,
                                                          @ForAll("shuffledLevels") List<Tuple.Tuple2<Long, Long>> levels,
                                                          @ForAll("shuffledLevels") List<Tuple.Tuple2<Long, Long>> before) {
        OrderBook inserted = new OrderBook("venue", BTC_USD, 1);
        OrderBook loaded = new OrderBook("venue", BTC_USD, 1);
        before.forEach(level -> loaded.set(side, level.get1(), level.get2()));
        long[] prices = new long[levels.size()];
        long[] sizes = new long[levels.size()];
        for (int i = 0; i < levels.size(); i++) {
            prices[i] = levels.get(i).get1();
            sizes[i] = levels.get(i).get2();
            inserted.set(side, prices[i], sizes[i]);
        }

        assertThat(loaded.load(side, prices, sizes, levels.size())).isEqualTo(BookSide.NO_PRICE);

        assertThat(levels(loaded.side(side))).hasSize(levels.size())
                .containsExactlyElementsOf(levels(inserted.side(side)));
        assertThat(loaded.side(side).bestPrice()).isEqualTo(inserted.side(side).bestPrice());
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<Long, Long>>> shuffledLevels() {
        return Arbitraries.longs().between(1, 1_000_000_000_000L).set().ofMaxSize(400)
                .flatMap(prices -> Arbitraries.longs().between(1, 1_000_000_000L).list().ofSize(prices.size())
                        .map(sizes -> {
                            List<Tuple.Tuple2<Long, Long>> levels = new ArrayList<>();
                            int i = 0;
                            for (long price : prices) {
                                levels.add(Tuple.of(price, sizes.get(i++)));
                            }
                            return levels;
                        }))
                .flatMap(levels -> Arbitraries.shuffle(levels));
    }

    /**
     * A book after any sequence of snapshots, updates and truncations equals a TreeMap reference model; each change
     * says how deep it was, and each price's size is found, as the model says.
     */
    @Property(tries = 500)
    void equalsTheReferenceModelAfterRandomCommands(@ForAll("commands") List<Command> commands) {
        OrderBook book = new OrderBook("venue", BTC_USD, 1);
        Map<Side, TreeMap<Long, Long>> model = Map.of(
                Side.BID, new TreeMap<>(Comparator.reverseOrder()),
                Side.ASK, new TreeMap<>());
        for (Command command : commands) {
            switch (command.kind()) {
                case SET -> {
                    TreeMap<Long, Long> levels = model.get(command.side());
                    int changed = book.set(command.side(), command.price(), command.size());
                    int better = levels.headMap(command.price()).size();
                    if (command.size() == 0) {
                        assertThat(changed).isEqualTo(levels.containsKey(command.price()) ? better : BookSide.UNCHANGED);
                        levels.remove(command.price());
                    } else {
                        assertThat(changed).isEqualTo(better);
                        levels.put(command.price(), command.size());
                    }
                    // Each price listed, and one between every two: found, and not found, as the model says.
                    for (long price = command.price() - 50_000_000L; price <= command.price() + 50_000_000L;
                         price += 25_000_000L) {
                        assertThat(book.side(command.side()).sizeAt(price)).isEqualTo(levels.getOrDefault(price, 0L));
                    }
                }
                case TRUNCATE -> {
                    book.truncate(command.depth());
                    model.values().forEach(levels -> {
                        while (levels.size() > command.depth()) {
                            levels.pollLastEntry();
                        }
                    });
                }
                case CLEAR -> {
                    book.clear();
                    model.values().forEach(Map::clear);
                }
            }
            for (Side side : Side.values()) {
                assertSideEquals(book.side(side), model.get(side));
            }
        }
    }

    private static void assertSideEquals(BookSide side, TreeMap<Long, Long> expected) {
        List<Long> prices = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < side.depth(); i++) {
            prices.add(side.price(i));
            sizes.add(side.size(i));
        }
        assertThat(prices).containsExactlyElementsOf(expected.keySet());
        assertThat(sizes).containsExactlyElementsOf(expected.values());
        assertThat(side.bestPrice()).isEqualTo(expected.isEmpty() ? BookSide.NO_PRICE : expected.firstKey());
        long[] topPrices = new long[TOP];
        long[] topSizes = new long[TOP];
        int top = side.top(topPrices, topSizes, TOP);
        assertThat(top).isEqualTo(Math.min(TOP, expected.size()));
        assertThat(Arrays.copyOf(topPrices, top)).containsExactly(prices.stream().limit(TOP).mapToLong(Long::longValue).toArray());
        assertThat(Arrays.copyOf(topSizes, top)).containsExactly(sizes.stream().limit(TOP).mapToLong(Long::longValue).toArray());
    }

    /** Levels {@link BookSide#top} is asked for in the reference model test: fewer than its sides often hold. */
    private static final int TOP = 10;

    enum Kind { SET, TRUNCATE, CLEAR }

    record Command(Kind kind, Side side, long price, long size, int depth) {
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        Arbitrary<Command> set = Combinators.combine(
                        Arbitraries.of(Side.values()),
                        Arbitraries.longs().between(1, 60),
                        Arbitraries.longs().between(0, 5).map(s -> s == 5 ? 0 : s * 1_000_000L + 1))
                .as((side, price, size) -> new Command(Kind.SET, side, price * 50_000_000L, size, 0));
        Arbitrary<Command> truncate = Arbitraries.integers().between(0, 30)
                .map(depth -> new Command(Kind.TRUNCATE, Side.BID, 0, 0, depth));
        Arbitrary<Command> clear = Arbitraries.just(new Command(Kind.CLEAR, Side.BID, 0, 0, 0));
        return Arbitraries.frequencyOf(
                Tuple.of(40, set),
                Tuple.of(2, truncate),
                Tuple.of(1, clear)).list().ofMaxSize(300);
    }

    private static List<String> levels(BookSide side) {
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < side.depth(); i++) {
            levels.add(FixedPoint.format(side.price(i), BTC_USD.priceScale()) + "@"
                    + FixedPoint.format(side.size(i), BTC_USD.sizeScale()));
        }
        return levels;
    }

    private static long price(String text) {
        return FixedPoint.parseOrThrow(text, BTC_USD.priceScale());
    }

    private static long size(String text) {
        return FixedPoint.parseOrThrow(text, BTC_USD.sizeScale());
    }
}
