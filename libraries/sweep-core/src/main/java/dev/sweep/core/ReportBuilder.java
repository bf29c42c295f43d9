package dev.sweep.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link SweepResult} in scaled longs into a {@link SweepReport} in exact decimals. */
final class ReportBuilder {

    /** Decimals of slippage in basis points. */
    static final int BPS_DECIMALS = 2;
    /** Decimals of a venue's share of a merged fill. */
    static final int SHARE_DECIMALS = 6;
    /** Decimals added to a venue's price precision when rounding a VWAP. */
    static final int VWAP_EXTRA_DECIMALS = 2;

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private ReportBuilder() {
    }

    static SweepReport build(SweepReport.Kind kind, String label, OrderRequest request, List<SweepSource> sources, SweepResult result,
                             boolean complete) {
        Instrument instrument = sources.get(0).book().instrument();
        int priceScale = instrument.priceScale();
        int sizeScale = instrument.sizeScale();
        int notionalScale = priceScale + sizeScale;
        OrderSide side = request.side();

        List<SweepReport.Fill> fills = new ArrayList<>(result.fillCount());
        long best = 0;
        long worst = 0;
        for (int i = 0; i < result.fillCount(); i++) {
            long price = result.fillPrice(i);
            fills.add(new SweepReport.Fill(FixedPoint.toBigDecimal(price, priceScale),
                    FixedPoint.toBigDecimal(result.fillSize(i), sizeScale), sources.get(result.fillSource(i)).venue()));
            if (i == 0 || side.bookSide().isBetter(price, best)) {
                best = price;
            }
            if (i == 0 || side.bookSide().isBetter(worst, price)) {
                worst = price;
            }
        }

        BigDecimal filled = FixedPoint.toBigDecimal(result.filled(), sizeScale);
        BigDecimal notional = new BigDecimal(result.notional(), notionalScale);
        BigDecimal fees = BigDecimal.ZERO;
        List<SweepReport.VenueShare> split = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            BigDecimal venueNotional = new BigDecimal(result.notional(s), notionalScale);
            BigDecimal feeRate = TakerFee.toFraction(sources.get(s).takerFee());
            BigDecimal venueFees = venueNotional.multiply(feeRate);
            fees = fees.add(venueFees);
            BigDecimal venueFilled = FixedPoint.toBigDecimal(result.filled(s), sizeScale);
            BigDecimal share = result.filled() == 0 ? BigDecimal.ZERO.setScale(SHARE_DECIMALS)
                    : venueFilled.divide(filled, SHARE_DECIMALS, RoundingMode.HALF_EVEN);
            split.add(new SweepReport.VenueShare(sources.get(s).venue(), feeRate, venueFilled, venueNotional,
                    venueFees, share));
        }

        int vwapDecimals = displayPrecision(sources) + VWAP_EXTRA_DECIMALS;
        BigDecimal vwap = null;
        BigDecimal vwapWithFees = null;
        BigDecimal bestPrice = null;
        BigDecimal worstPrice = null;
        BigDecimal slippageVsBest = null;
        BigDecimal slippageVsMid = null;
        BigDecimal mid = mid(sources);
        BigDecimal notionalWithFees = side == OrderSide.BUY ? notional.add(fees) : notional.subtract(fees);
        if (result.filled() > 0) {
            vwap = notional.divide(filled, vwapDecimals, RoundingMode.HALF_EVEN);
            vwapWithFees = notionalWithFees.divide(filled, vwapDecimals, RoundingMode.HALF_EVEN);
            bestPrice = FixedPoint.toBigDecimal(best, priceScale);
            worstPrice = FixedPoint.toBigDecimal(worst, priceScale);
            slippageVsBest = slippageBps(side, notional, filled, bestPrice);
            slippageVsMid = mid == null ? null : slippageBps(side, notional, filled, mid);
        }
        return new SweepReport(kind, label, request, instrument, FixedPoint.toBigDecimal(result.requested(), sizeScale),
                filled, complete, result.fillCount(), bestPrice, worstPrice, vwap, vwapWithFees, notional, fees,
                notionalWithFees, mid,
                slippageVsBest, slippageVsMid, fills, split);
    }

    /**
     * Cost of the fill against a reference price, in basis points, computed from the exact VWAP
     * ({@code notional / filled}) rather than the rounded one.
     */
    private static BigDecimal slippageBps(OrderSide side, BigDecimal notional, BigDecimal filled, BigDecimal reference) {
        BigDecimal atReference = reference.multiply(filled);
        BigDecimal cost = side == OrderSide.BUY ? notional.subtract(atReference) : atReference.subtract(notional);
        return cost.multiply(TEN_THOUSAND).divide(atReference, BPS_DECIMALS, RoundingMode.HALF_EVEN);
    }

    /** The mid of the consolidated book: highest bid and lowest ask over all sources. */
    private static BigDecimal mid(List<SweepSource> sources) {
        long bestBid = BookSide.NO_PRICE;
        long bestAsk = BookSide.NO_PRICE;
        for (SweepSource source : sources) {
            long bid = source.book().bestBid();
            long ask = source.book().bestAsk();
            if (bid != BookSide.NO_PRICE && (bestBid == BookSide.NO_PRICE || bid > bestBid)) {
                bestBid = bid;
            }
            if (ask != BookSide.NO_PRICE && (bestAsk == BookSide.NO_PRICE || ask < bestAsk)) {
                bestAsk = ask;
            }
        }
        if (bestBid == BookSide.NO_PRICE || bestAsk == BookSide.NO_PRICE) {
            return null;
        }
        int priceScale = sources.get(0).book().instrument().priceScale();
        return FixedPoint.toBigDecimal(bestBid, priceScale).add(FixedPoint.toBigDecimal(bestAsk, priceScale)).divide(TWO);
    }

    private static int displayPrecision(List<SweepSource> sources) {
        int precision = 0;
        for (SweepSource source : sources) {
            precision = Math.max(precision, source.book().pricePrecision());
        }
        return precision;
    }
}
