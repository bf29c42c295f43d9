package dev.sweep.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers Sweep's question for one request: what happens on each venue alone, and on all of them merged. Not
 * thread-safe; keep one per querying thread.
 */
public final class MarketSweep {

    private final SweepEngine engine = new SweepEngine();
    private final QuoteSizer quoteSizer = new QuoteSizer();
    private final SweepResult result = new SweepResult();

    /**
     * Sweeps each source alone, then all of them merged.
     *
     * @param sources at least one source, all books of the same instrument
     * @throws IllegalArgumentException if the sources are empty, mix instruments, or name a venue twice
     */
    public SweepAnalysis analyze(OrderRequest request, List<SweepSource> sources) {
        checkSources(sources);
        List<SweepReport> venues = new ArrayList<>(sources.size());
        for (SweepSource source : sources) {
            venues.add(sweep(SweepReport.Kind.VENUE, source.venue(), request, List.of(source)));
        }
        SweepReport merged = sweep(SweepReport.Kind.MERGED, SweepReport.MERGED, request, sources);
        List<VenueConversion> conversions = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).conversion() != null) {
                conversions.add(nativeFill(sources.get(i), venues.get(i)));
            }
        }
        return new SweepAnalysis(request, sources.get(0).book().instrument(), venues, merged, conversions);
    }

    /**
     * The converted venue's fill at its own prices. The conversion keeps the order of the levels and their sizes, so
     * sweeping the venue's own book for the size filled takes the very levels the converted sweep took.
     */
    private VenueConversion nativeFill(SweepSource source, SweepReport converted) {
        SweepSource.Conversion conversion = source.conversion();
        Instrument instrument = conversion.nativeBook().instrument();
        long filled = FixedPoint.fromBigDecimal(converted.filled(), instrument.sizeScale());
        engine.sweep(List.of(new SweepSource(conversion.nativeBook(), source.takerFee())), converted.request().side(),
                filled, result);
        BigDecimal notional = new BigDecimal(result.notional(), instrument.priceScale() + instrument.sizeScale());
        BigDecimal vwap = filled == 0 ? null
                : notional.divide(converted.filled(), converted.vwap().scale(), RoundingMode.HALF_EVEN);
        return new VenueConversion(source.venue(), conversion.rate(), notional, vwap);
    }

    private SweepReport sweep(SweepReport.Kind kind, String label, OrderRequest request, List<SweepSource> sources) {
        Instrument instrument = sources.get(0).book().instrument();
        long quantity;
        boolean bookExhausted;
        if (request.inQuote()) {
            QuoteSizer.Sizing sizing = quoteSizer.size(sources, instrument, request.side(), request.amount());
            quantity = sizing.baseQuantity();
            bookExhausted = sizing.bookExhausted();
        } else {
            quantity = FixedPoint.fromBigDecimal(request.amount(), instrument.sizeScale());
            bookExhausted = false;
        }
        engine.sweep(sources, request.side(), quantity, result);
        return ReportBuilder.build(kind, label, request, sources, result, result.isComplete() && !bookExhausted);
    }

    private static void checkSources(List<SweepSource> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("nothing to sweep: no venue books");
        }
        Instrument instrument = sources.get(0).book().instrument();
        for (int i = 0; i < sources.size(); i++) {
            SweepSource source = sources.get(i);
            if (!source.book().instrument().equals(instrument)) {
                throw new IllegalArgumentException("cannot merge " + source.book().instrument() + " with " + instrument);
            }
            for (int j = 0; j < i; j++) {
                if (sources.get(j).venue().equals(source.venue())) {
                    throw new IllegalArgumentException("venue " + source.venue() + " appears twice");
                }
            }
        }
    }
}
