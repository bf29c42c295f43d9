package dev.sweep.sim.market;

import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.server.MarketProfile;
import dev.sweep.venue.server.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One venue's synthetic book of one instrument, and the changes that move it: level resizes, cancels and new quotes,
 * mostly near the top, and trades that take the best level, drifting the venue's mid towards a fair price shared by
 * all venues. The book is the truth the simulator serves; it is never crossed.
 */
public final class VenueMarket {

    /** Size of the smallest order, in size-scale units: one satoshi (venues quote sizes to 8 decimals). */
    private static final long MIN_SIZE = 100;

    private final String venue;
    private final MarketProfile profile;
    private final OrderBook book;
    private final long tick;
    private final long sizeUnit;
    private final SplittableRandom random;
    private long updateId;

    VenueMarket(String venue, MarketProfile profile, Instrument instrument, long fairPrice, SplittableRandom random) {
        this.venue = venue;
        this.profile = profile;
        this.book = new OrderBook(venue, instrument, profile.tickDecimals());
        this.tick = FixedPoint.powerOfTen(instrument.priceScale() - profile.tickDecimals());
        this.sizeUnit = FixedPoint.powerOfTen(instrument.sizeScale() - 2);
        this.random = random;
        long mid = fairPrice - fairPrice % tick;
        long halfSpread = Math.max(1, profile.spreadTicks() / 2) * tick;
        long bid = mid - halfSpread;
        long ask = mid + halfSpread;
        int levels = (profile.minLevels() + profile.maxLevels()) / 2;
        for (int i = 0; i < levels; i++) {
            book.set(Side.BID, bid, size());
            book.set(Side.ASK, ask, size());
            bid -= tick * (1 + random.nextInt(3));
            ask += tick * (1 + random.nextInt(3));
        }
    }

    public OrderBook book() {
        return book;
    }

    public String venue() {
        return venue;
    }

    /** Level changes the book has gone through since the market opened: the id of the last one. */
    public long updateId() {
        return updateId;
    }

    /**
     * Moves the book one step.
     *
     * @param fairPrice the price all venues drift towards
     * @return the changes, in the order applied (size 0 deletes), and the trade if the step was one
     */
    MarketEvent step(long fairPrice) {
        List<Level> changes = new ArrayList<>(3);
        Trade trade = null;
        long mid = (book.bestBid() + book.bestAsk()) / 2;
        if (random.nextInt(100) < 15) {
            trade = trade(mid < fairPrice ? Side.ASK : Side.BID, changes);
        } else if (book.bestAsk() - book.bestBid() > 2L * profile.spreadTicks() * tick) {
            // Makers step in when the spread is wide, as they do after a trade took the best level.
            Side side = random.nextBoolean() ? Side.BID : Side.ASK;
            long inside = book.side(side).bestPrice() + (side == Side.BID ? tick : -tick);
            apply(changes, side, inside, size());
        } else {
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                quote(random.nextBoolean() ? Side.BID : Side.ASK, changes);
            }
        }
        keepDepth(Side.BID, changes);
        keepDepth(Side.ASK, changes);
        return new MarketEvent(venue, book.instrument(), List.copyOf(changes), Optional.ofNullable(trade));
    }

    /** A taker hits the best level of {@code side} (asks for a buy): takes part of it, or all of it. */
    private Trade trade(Side side, List<Level> changes) {
        BookSide levels = book.side(side);
        long price = levels.price(0);
        long available = levels.size(0);
        long taken = random.nextInt(3) == 0 ? available
                : Math.max(MIN_SIZE, available / (2 + random.nextInt(4)) / MIN_SIZE * MIN_SIZE);
        long left = available - Math.min(taken, available);
        apply(changes, side, price, left);
        return new Trade(side == Side.ASK ? Side.BID : Side.ASK, price, Math.min(taken, available));
    }

    /** A maker resizes, cancels or adds a quote, most often near the top of the book. */
    private void quote(Side side, List<Level> changes) {
        BookSide levels = book.side(side);
        int action = random.nextInt(100);
        int index = topHeavyIndex(levels.depth());
        if (action < 55) {
            apply(changes, side, levels.price(index), size());
        } else if (action < 75 && levels.depth() > profile.minLevels()) {
            apply(changes, side, levels.price(index), 0);
        } else {
            long price = newQuotePrice(side, index);
            if (price > 0 && levels.sizeAt(price) == 0) {
                apply(changes, side, price, size());
            }
        }
    }

    /**
     * A free price for a new quote: one tick inside the best (when that does not cross), or one tick behind the
     * level at {@code index}.
     */
    private long newQuotePrice(Side side, int index) {
        BookSide levels = book.side(side);
        long direction = side == Side.BID ? 1 : -1;
        long opposite = book.side(side == Side.BID ? Side.ASK : Side.BID).bestPrice();
        if (random.nextInt(5) == 0) {
            long improved = levels.bestPrice() + direction * tick;
            boolean crosses = side == Side.BID ? improved >= opposite : improved <= opposite;
            return crosses ? 0 : improved;
        }
        return levels.price(index) - direction * tick;
    }

    private void keepDepth(Side side, List<Level> changes) {
        BookSide levels = book.side(side);
        long direction = side == Side.BID ? 1 : -1;
        while (levels.depth() < profile.minLevels()) {
            apply(changes, side, levels.price(levels.depth() - 1) - direction * tick * (1 + random.nextInt(3)), size());
        }
        while (levels.depth() > profile.maxLevels()) {
            apply(changes, side, levels.price(levels.depth() - 1), 0);
        }
    }

    private void apply(List<Level> changes, Side side, long price, long size) {
        if (price <= 0) {
            return;
        }
        book.set(side, price, size);
        changes.add(new Level(side, price, size));
        updateId++;
    }

    /** 0 most often, with a geometric tail: P(index ≥ k) = 0.7^k. */
    private int topHeavyIndex(int depth) {
        int index = 0;
        while (index < depth - 1 && random.nextInt(10) < 7) {
            index++;
        }
        return index;
    }

    /** A level size in whole satoshis: mostly around the venue's typical size, sometimes ten times larger. */
    private long size() {
        long satoshis = 1 + random.nextLong(2 * profile.meanSizeCents() * sizeUnit / MIN_SIZE);
        return (random.nextInt(20) == 0 ? satoshis * 10 : satoshis) * MIN_SIZE;
    }
}
