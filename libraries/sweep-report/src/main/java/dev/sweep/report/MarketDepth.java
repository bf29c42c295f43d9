package dev.sweep.report;

import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.core.SweepReport;
import dev.sweep.feed.BookView;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The size and notional resting within ±X % of the mid, per live venue and over all of them: the "±2 % depth" that
 * venues are compared by. Exact: sizes are summed as scaled longs and notionals as exact products.
 *
 * @param instrument the instrument
 * @param bands      the band widths in percent of the mid, in the order asked
 * @param venues     one entry per live venue, in the order of the views
 * @param merged     all live venues' levels around the mid of the consolidated book (highest bid, lowest ask)
 */
public record MarketDepth(Instrument instrument, List<BigDecimal> bands, List<Depth> venues, Depth merged) {

    /** The bands when none are asked for, in percent: the top of the book to the ±2 % depth venues are compared by. */
    public static final String DEFAULT_BANDS = "0.1,0.5,1,2";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    /** Decimals a band may have, in percent. */
    private static final int BAND_SCALE = 4;

    public MarketDepth {
        bands = List.copyOf(bands);
        venues = List.copyOf(venues);
    }

    /**
     * The bands as written, each a percentage of the mid above 0 and below 100.
     *
     * @param name the option or parameter that gives them, for the message
     * @throws UserInputException naming {@code name} when a band is not such a percentage
     */
    public static List<BigDecimal> bands(String name, List<String> bands) {
        List<BigDecimal> percentages = new ArrayList<>();
        for (String band : bands) {
            BigDecimal percentage = Quantities.positive(name, band, BAND_SCALE);
            if (percentage.compareTo(HUNDRED) >= 0) {
                throw new UserInputException(name + " are percentages of the mid below 100, not "
                        + percentage.stripTrailingZeros().toPlainString());
            }
            percentages.add(percentage);
        }
        return percentages;
    }

    /**
     * The depth of the live books among the views.
     *
     * @param bands positive percentages below 100
     * @throws IllegalArgumentException when no view is live
     */
    public static MarketDepth of(List<BigDecimal> bands, List<BookView> views) {
        List<OrderBook> books = views.stream().filter(BookView::isLive).map(BookView::book).toList();
        if (books.isEmpty()) {
            throw new IllegalArgumentException("no live book");
        }
        List<Depth> venues = new ArrayList<>();
        for (OrderBook book : books) {
            venues.add(depth(book.venue(), List.of(book), bands));
        }
        return new MarketDepth(books.get(0).instrument(), bands, venues, depth(SweepReport.MERGED, books, bands));
    }

    private static Depth depth(String label, List<OrderBook> books, List<BigDecimal> bands) {
        Instrument instrument = books.get(0).instrument();
        long bestBid = BookSide.NO_PRICE;
        long bestAsk = BookSide.NO_PRICE;
        for (OrderBook book : books) {
            if (!book.bids().isEmpty() && (bestBid == BookSide.NO_PRICE || book.bestBid() > bestBid)) {
                bestBid = book.bestBid();
            }
            if (!book.asks().isEmpty() && (bestAsk == BookSide.NO_PRICE || book.bestAsk() < bestAsk)) {
                bestAsk = book.bestAsk();
            }
        }
        if (bestBid == BookSide.NO_PRICE || bestAsk == BookSide.NO_PRICE) {
            return new Depth(label, null, bands.stream().map(band -> new Band(band, null, null)).toList());
        }
        int scale = instrument.priceScale();
        BigDecimal mid = FixedPoint.toBigDecimal(bestBid, scale).add(FixedPoint.toBigDecimal(bestAsk, scale))
                .divide(TWO);
        List<Band> result = new ArrayList<>();
        for (BigDecimal band : bands) {
            BigDecimal fraction = band.divide(HUNDRED);
            // The band's edges in ticks: a level on an edge is within the band.
            long lowest = FixedPoint.fromBigDecimal(mid.multiply(BigDecimal.ONE.subtract(fraction))
                    .setScale(scale, RoundingMode.CEILING), scale);
            long highest = FixedPoint.fromBigDecimal(mid.multiply(BigDecimal.ONE.add(fraction))
                    .setScale(scale, RoundingMode.FLOOR), scale);
            Sum bids = new Sum(instrument);
            Sum asks = new Sum(instrument);
            for (OrderBook book : books) {
                bids.add(book.bids(), lowest, highest);
                asks.add(book.asks(), lowest, highest);
            }
            result.add(new Band(band, bids.amounts(), asks.amounts()));
        }
        return new Depth(label, mid, result);
    }

    /**
     * One venue's depth, or the merged book's.
     *
     * @param mid   the mid the bands are measured from, or null when a side is empty (then every band is null)
     * @param bands one per width asked
     */
    public record Depth(String label, BigDecimal mid, List<Band> bands) {

        public Depth {
            bands = List.copyOf(bands);
        }
    }

    /**
     * The levels within one band.
     *
     * @param percent the band's half-width in percent of the mid
     * @param bids    the bids at or above mid × (1 − percent/100), or null without a mid
     * @param asks    the asks at or below mid × (1 + percent/100), or null without a mid
     */
    public record Band(BigDecimal percent, Amounts bids, Amounts asks) {
    }

    /**
     * Size and notional (Σ price × size) of the levels in a band.
     *
     * @param truncated whether a truncated book's side ends inside the band: the venue has levels there that were not
     *                  seen, so size and notional are at least these
     */
    public record Amounts(BigDecimal size, BigDecimal notional, boolean truncated) {
    }

    /** Sums of one side's levels within a band, over one or more books. */
    private static final class Sum {

        private final Instrument instrument;
        private long size;
        private BigInteger notional = BigInteger.ZERO;
        private boolean truncated;

        Sum(Instrument instrument) {
            this.instrument = instrument;
        }

        /**
         * Adds the levels of {@code side} priced within [lowest, highest], walking from the best outwards until the
         * band is behind. A level on the near side of the band is skipped, not an end: around the mid of several
         * books, one venue's best bid may lie above another's best ask. A truncated side whose last level is still
         * inside the band leaves the sums short of the venue's.
         */
        void add(BookSide side, long lowest, long highest) {
            boolean bids = side.side() == Side.BID;
            for (int i = 0; i < side.depth(); i++) {
                long price = side.price(i);
                if (bids ? price < lowest : price > highest) {
                    return;
                }
                if (bids ? price > highest : price < lowest) {
                    continue;
                }
                size = Math.addExact(size, side.size(i));
                notional = notional.add(BigInteger.valueOf(price).multiply(BigInteger.valueOf(side.size(i))));
            }
            truncated |= side.isTruncated();
        }

        Amounts amounts() {
            return new Amounts(FixedPoint.toBigDecimal(size, instrument.sizeScale()),
                    new BigDecimal(notional, instrument.priceScale() + instrument.sizeScale()), truncated);
        }
    }
}
