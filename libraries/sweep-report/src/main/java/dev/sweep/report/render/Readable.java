package dev.sweep.report.render;

import dev.sweep.core.Instrument;
import dev.sweep.core.SweepAnalysis;
import dev.sweep.core.SweepReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numbers of one human report, rounded for reading: money to the quote currency's cents, prices to the venue's
 * price precision, every VWAP to the same precision (the finest venue's + 2) so that venues compare at a glance, and
 * sizes at the instrument's size scale cut to the decimals the report's sizes have, so they are never rounded.
 */
final class Readable {

    /** Currencies without cents. */
    private static final Set<String> WHOLE_UNITS = Set.of("JPY", "KRW");
    /** Currencies and stablecoins counted in cents; any other quote (BTC, ETH…) gets 8 decimals. */
    private static final Set<String> CENTS = Set.of("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "SGD", "HKD", "NZD",
            "USDT", "USDC", "DAI", "PYUSD", "GUSD");
    private static final int CRYPTO_DECIMALS = 8;

    private final Map<String, Integer> priceDecimals;
    private final int mergedPriceDecimals;
    private final int sizeDecimals;
    private final int moneyDecimals;

    private Readable(Map<String, Integer> priceDecimals, int sizeDecimals, int moneyDecimals) {
        this.priceDecimals = Map.copyOf(priceDecimals);
        this.mergedPriceDecimals = priceDecimals.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        this.sizeDecimals = sizeDecimals;
        this.moneyDecimals = moneyDecimals;
    }

    static Readable of(SweepOutput output) {
        SweepAnalysis analysis = output.analysis();
        Map<String, Integer> priceDecimals = new HashMap<>();
        for (SweepReport venue : analysis.venues()) {
            priceDecimals.put(venue.label(), output.view(venue.label()).book().pricePrecision());
        }
        int sizeDecimals = 0;
        for (SweepReport report : reports(analysis)) {
            sizeDecimals = Math.max(sizeDecimals, Decimals.places(report.filled()));
            sizeDecimals = Math.max(sizeDecimals, Decimals.places(report.sizeToFill()));
            for (SweepReport.Fill fill : report.fills()) {
                sizeDecimals = Math.max(sizeDecimals, Decimals.places(fill.size()));
            }
        }
        Instrument instrument = analysis.instrument();
        return new Readable(priceDecimals, Math.min(sizeDecimals, instrument.sizeScale()),
                moneyDecimals(instrument.quote()));
    }

    /** An amount of the quote currency: {@code 1,005,018.05}. */
    String money(BigDecimal amount) {
        return Decimals.readable(amount, moneyDecimals);
    }

    /**
     * An amount of the quote currency beside the amount the user typed: to the cent, or to every decimal typed if
     * more, so that 0.0000000099 received of 0.00000001 asked reads {@code 0.00000001 / 0.00000001}, not
     * {@code 0.00 / 0.00000001}.
     */
    String quoteAmount(BigDecimal amount, BigDecimal typed) {
        return Decimals.readable(amount, Math.max(moneyDecimals, Decimals.places(typed)));
    }

    /** A price of one venue. */
    String price(BigDecimal price, String venue) {
        return Decimals.readable(price, priceDecimals.getOrDefault(venue, mergedPriceDecimals));
    }

    /** A price of a report: its venue's precision, or for the merged report the finest venue's. */
    String price(BigDecimal price, SweepReport report) {
        return report.isMerged() ? Decimals.readable(price, mergedPriceDecimals) : price(price, report.label());
    }

    /** A VWAP, {@code notional / filled}, at the report's one VWAP precision. */
    String vwap(BigDecimal notional, BigDecimal filled) {
        int decimals = mergedPriceDecimals + 2;
        return Decimals.readable(notional.divide(filled, decimals, RoundingMode.HALF_EVEN), decimals);
    }

    /** A size of the base asset: {@code 1,234.5}. */
    String size(BigDecimal size) {
        return Decimals.readable(size, sizeDecimals);
    }

    /** Basis points, already rounded: {@code 1,234.56}. */
    String bps(BigDecimal bps) {
        return Decimals.readable(bps, bps.scale());
    }

    private static List<SweepReport> reports(SweepAnalysis analysis) {
        List<SweepReport> reports = new ArrayList<>(analysis.venues());
        reports.add(analysis.merged());
        return reports;
    }

    static int moneyDecimals(String currency) {
        if (WHOLE_UNITS.contains(currency)) {
            return 0;
        }
        return CENTS.contains(currency) ? 2 : CRYPTO_DECIMALS;
    }
}
