package dev.sweep.core;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answer for one venue, or for all venues merged: exact decimals, ready to render. Nullable fields are null when
 * nothing was filled (an empty side) or, for the mid, when the books lack a side.
 *
 * @param kind             what the report covers: one venue, or every venue merged
 * @param label            the venue's name, or {@value #MERGED} for the merged report (a name for display: the kind
 *                         says which report it is, so a venue may be called anything)
 * @param request          what was asked
 * @param instrument       the instrument swept
 * @param sizeToFill       the base size swept: the request itself, or what a quote amount buys
 * @param filled           base size filled
 * @param complete         whether the books were deep enough: false is a result (a thin book), not an error
 * @param levels           price levels consumed, the last perhaps in part
 * @param best             the best price filled
 * @param worst            the worst price filled
 * @param vwap             Σ(price × size) / Σ size, rounded half-even to the venue's price precision + 2 decimals
 * @param vwapWithFees     the VWAP after taker fees: higher for a buy, lower for a sell
 * @param notional         Σ(price × size), exact
 * @param fees             the taker fees on the notional, exact
 * @param notionalWithFees what the fill costs after fees (buy: notional + fees) or brings (sell: notional − fees),
 *                         exact; the amount spent or received of a quote request
 * @param mid              the mid price of the books before the sweep
 * @param slippageVsBest   cost against the best price in basis points (positive = cost), 2 decimals
 * @param slippageVsMid    cost against the mid price in basis points (positive = cost), 2 decimals
 * @param fills            every fill in the order taken
 * @param split            the contribution of each venue swept, in the order given (one row for a single venue)
 */
public record SweepReport(
        Kind kind,
        String label,
        OrderRequest request,
        Instrument instrument,
        BigDecimal sizeToFill,
        BigDecimal filled,
        boolean complete,
        int levels,
        BigDecimal best,
        BigDecimal worst,
        BigDecimal vwap,
        BigDecimal vwapWithFees,
        BigDecimal notional,
        BigDecimal fees,
        BigDecimal notionalWithFees,
        BigDecimal mid,
        BigDecimal slippageVsBest,
        BigDecimal slippageVsMid,
        List<Fill> fills,
        List<VenueShare> split) {

    /** The label of the report over all venues. */
    public static final String MERGED = "merged";

    /** What a report covers. */
    public enum Kind {
        /** One venue's book alone. */
        VENUE,
        /** The consolidated book of every venue swept, with the split. */
        MERGED
    }

    public SweepReport {
        fills = List.copyOf(fills);
        split = List.copyOf(split);
    }

    /** The taker fee of a single-venue report, as a fraction. */
    public BigDecimal takerFee() {
        if (split.size() != 1) {
            throw new IllegalStateException("a merged report has one fee per venue: see split()");
        }
        return split.get(0).takerFee();
    }

    /**
     * The part of a quote amount not spent (buy) or not received (sell): the amount less {@link #notionalWithFees},
     * never negative. When the fill is complete it is less than one size unit's worth at the last level. Null for a
     * request in the base asset.
     */
    public BigDecimal quoteShortfall() {
        return request.inQuote() ? request.amount().subtract(notionalWithFees) : null;
    }

    /**
     * Whether a quote amount is too small to buy (or, selling, is exceeded by the proceeds of) the smallest size at
     * the best level: nothing is filled although the book has levels.
     */
    public boolean amountBelowSmallestSize() {
        return request.inQuote() && complete && filled.signum() == 0;
    }

    /** Whether this is the report over all venues. */
    public boolean isMerged() {
        return kind == Kind.MERGED;
    }

    /**
     * One fill: a price level taken whole, or the last one in part.
     *
     * @param price the level's price
     * @param size  the size taken
     * @param venue where the level rests
     */
    public record Fill(BigDecimal price, BigDecimal size, String venue) {
    }

    /**
     * One venue's part of a merged sweep.
     *
     * @param venue    the venue
     * @param takerFee the taker fee rate, as a fraction
     * @param filled   base size filled there
     * @param notional Σ(price × size) there
     * @param fees     taker fees paid there
     * @param share    filled there / filled in all, 6 decimals, half-even
     */
    public record VenueShare(String venue, BigDecimal takerFee, BigDecimal filled, BigDecimal notional,
                             BigDecimal fees, BigDecimal share) {
    }
}
