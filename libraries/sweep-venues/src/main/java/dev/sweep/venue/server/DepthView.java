package dev.sweep.venue.server;

import dev.sweep.core.BookSide;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a client subscribed to a venue's book at a limited depth sees of the truth: the best levels of each side, kept
 * by the dialect so that it can tell what to send when the truth changes. Venues that serve a depth (Kraken, Bybit,
 * OKX) describe only it: a level pushed out of it gets no deletion, and the client must truncate.
 *
 * <p>The view holds the truth's best {@code depth} levels a side: it is built so, and follows every change of the
 * truth. Following a change therefore looks only at the levels that changed and at those a deletion brought up into
 * the depth, never at the whole view, which is as deep as the venue serves (Kraken's 1,000 levels).
 */
public final class DepthView {

    private final OrderBook view;
    private final int depth;
    /** The prices a change may have to be sent for, as keys (a bid's price, an ask's negated), reused. */
    private long[] candidates = new long[16];

    /** The client's view of {@code truth} as it is now, {@code depth} levels a side. */
    public DepthView(OrderBook truth, int depth) {
        this.view = new OrderBook(truth.venue(), truth.instrument(), truth.pricePrecision());
        this.depth = depth;
        for (Side side : Side.values()) {
            for (int i = 0; i < Math.min(depth, truth.side(side).depth()); i++) {
                view.set(side, truth.side(side).price(i), truth.side(side).size(i));
            }
        }
    }

    /** The levels the client holds. Read them; never change them. */
    public OrderBook book() {
        return view;
    }

    public int depth() {
        return depth;
    }

    /**
     * Brings the view up to the truth and returns what the venue sends for it: deletions of levels that left the book,
     * then every level of the new view whose size the client does not have yet; bids first, each side best first.
     *
     * @param truth   the truth, with {@code changes} applied
     * @param changes every level set in the truth since the view was built or last followed it, in any order (size 0
     *                deletes): a level that changed without being named here is not sent
     */
    public List<Level> follow(OrderBook truth, List<Level> changes) {
        List<Level> sent = new ArrayList<>();
        for (Side side : Side.values()) {
            followSide(truth.side(side), view.side(side), changes, sent);
        }
        sent.forEach(change -> view.set(change.side(), change.price(), change.size()));
        view.truncate(depth);
        return sent;
    }

    private void followSide(BookSide fresh, BookSide old, List<Level> changes, List<Level> sent) {
        Side side = fresh.side();
        long sign = side == Side.BID ? 1 : -1;
        int changed = 0;
        for (Level change : changes) {
            if (change.side() == side) {
                changed = add(changed, sign * change.price());
            }
        }
        changed = sortDistinct(changed);
        // A level the client holds is gone from the truth only if a change deleted it.
        for (int i = 0; i < changed; i++) {
            long price = sign * candidates[i];
            if (fresh.sizeAt(price) == 0 && old.sizeAt(price) != 0) {
                sent.add(new Level(side, price, 0));
            }
        }
        int top = Math.min(depth, fresh.depth());
        if (top == 0) {
            return;
        }
        // A level of the new view that did not change differs from the client's only if it came up from below the
        // depth: when the view was full, below its worst level.
        int count = changed;
        if (old.depth() == depth && depth > 0) {
            long oldWorstKey = sign * old.price(old.depth() - 1);
            for (int i = top - 1; i >= 0 && sign * fresh.price(i) < oldWorstKey; i--) {
                count = add(count, sign * fresh.price(i));
            }
        }
        count = sortDistinct(count);
        long worstKey = sign * fresh.price(top - 1);
        for (int i = 0; i < count && candidates[i] >= worstKey; i++) {
            long price = sign * candidates[i];
            long size = fresh.sizeAt(price);
            if (size != 0 && old.sizeAt(price) != size) {
                sent.add(new Level(side, price, size));
            }
        }
    }

    /** Appends a key to the candidates; returns their new count. */
    private int add(int count, long key) {
        if (count == candidates.length) {
            candidates = Arrays.copyOf(candidates, 2 * count);
        }
        candidates[count] = key;
        return count + 1;
    }

    /** Sorts the first {@code count} candidates best first (greatest key first) without repeats; returns how many. */
    private int sortDistinct(int count) {
        Arrays.sort(candidates, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || candidates[i] != candidates[distinct - 1]) {
                candidates[distinct++] = candidates[i];
            }
        }
        for (int i = 0, j = distinct - 1; i < j; i++, j--) {
            long swap = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = swap;
        }
        return distinct;
    }
}
