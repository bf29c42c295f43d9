package dev.sweep.core;

/**
 * One venue's book as it takes part in a sweep, with the taker fee charged there. Create once and reuse: the book
 * is read when the sweep runs.
 *
 * @param book       the venue's book; {@link OrderBook#venue()} names the venue
 * @param takerFee   the taker fee, see {@link TakerFee}
 * @param conversion how {@code book} was converted from the venue's own book, or null when it is the venue's own
 */
public record SweepSource(OrderBook book, long takerFee, Conversion conversion) {

    public SweepSource {
        if (takerFee < 0 || takerFee >= TakerFee.ONE) {
            throw new IllegalArgumentException("taker fee out of range: " + takerFee);
        }
    }

    /** A venue's own book, quoted in the symbol's currency. */
    public SweepSource(OrderBook book, long takerFee) {
        this(book, takerFee, null);
    }

    /** A book quoted in another currency, swept as converted to the symbol's at {@code rate}. */
    public static SweepSource converted(OrderBook nativeBook, Instrument target, ConversionRate rate, long takerFee) {
        return new SweepSource(QuoteConversion.convert(nativeBook, target, rate), takerFee,
                new Conversion(nativeBook, rate));
    }

    public String venue() {
        return book.venue();
    }

    /**
     * The venue's own book and the rate it was converted at.
     *
     * @param nativeBook the book as the venue quotes it
     * @param rate       the rate its prices were converted at
     */
    public record Conversion(OrderBook nativeBook, ConversionRate rate) {
    }
}
