package dev.sweep.venue.server;

import dev.sweep.core.BookSide;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client subscribed to a venue's book at a limited depth sees of the truth: the best levels of each side, kept
 * by the dialect so that it can tell what to send when the truth changes. Venues that serve a depth (Kraken, Bybit,
 * OKX) describe only it: a level pushed out of it gets no deletion, and the client must truncate.
 */
public final class DepthView {

    private final OrderBook view;
    private final int depth;

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
     * and every level of the new view whose size the client does not have yet.
     */
    public List<Level> follow(OrderBook truth) {
        List<Level> changes = new ArrayList<>();
        for (Side side : Side.values()) {
            BookSide old = view.side(side);
            for (int i = 0; i < old.depth(); i++) {
                if (truth.side(side).sizeAt(old.price(i)) == 0) {
                    changes.add(new Level(side, old.price(i), 0));
                }
            }
            BookSide fresh = truth.side(side);
            for (int i = 0; i < Math.min(depth, fresh.depth()); i++) {
                if (old.sizeAt(fresh.price(i)) != fresh.size(i)) {
                    changes.add(new Level(side, fresh.price(i), fresh.size(i)));
                }
            }
        }
        changes.forEach(change -> view.set(change.side(), change.price(), change.size()));
        view.truncate(depth);
        return changes;
    }
}
