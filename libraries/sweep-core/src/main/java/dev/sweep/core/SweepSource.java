package dev.sweep.core;

/**
 * One venue's book as it takes part in a sweep, with the taker fee charged there. Create once and reuse: the book
 * is read when the sweep runs.
 *
 * @param book     the venue's book; {@link OrderBook#venue()} names the venue
 * @param takerFee the taker fee, see {@link TakerFee}
 */
public record SweepSource(OrderBook book, long takerFee) {

    public SweepSource {
        if (takerFee < 0 || takerFee >= TakerFee.ONE) {
            throw new IllegalArgumentException("taker fee out of range: " + takerFee);
        }
    }

    public String venue() {
        return book.venue();
    }
}
