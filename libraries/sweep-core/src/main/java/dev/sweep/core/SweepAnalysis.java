package dev.sweep.core;

import java.util.List;
import java.util.Optional;

/**
 * The full answer to one request: a report per venue and the merged report.
 *
 * @param request    what was asked
 * @param instrument the instrument swept
 * @param venues     one report per venue, in the order the venues were given
 * @param merged      the report over the consolidated book of all venues, with the split
 * @param conversions the venues whose books were converted into the symbol's currency, in the order given: the
 *                    merged report includes each
 */
public record SweepAnalysis(OrderRequest request, Instrument instrument, List<SweepReport> venues,
                            SweepReport merged, List<VenueConversion> conversions) {

    public SweepAnalysis {
        venues = List.copyOf(venues);
        conversions = List.copyOf(conversions);
    }

    /** The conversion of a venue's book, if it was converted. */
    public Optional<VenueConversion> conversion(String venue) {
        return conversions.stream().filter(conversion -> conversion.venue().equals(venue)).findFirst();
    }

    /**
     * The venue that alone fills the whole order at the best price after fees; empty when no venue fills it alone.
     * Of two venues at an equal price after fees, the first given.
     */
    public Optional<SweepReport> bestAlone() {
        SweepReport best = null;
        for (SweepReport venue : venues) {
            if (venue.complete() && venue.filled().signum() > 0 && (best == null || isBetter(venue, best))) {
                best = venue;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether a's price after fees beats b's, compared exactly: a's total × b's size with b's total × a's size. */
    private boolean isBetter(SweepReport a, SweepReport b) {
        int comparison = a.notionalWithFees().multiply(b.filled()).compareTo(b.notionalWithFees().multiply(a.filled()));
        return request.side() == OrderSide.BUY ? comparison < 0 : comparison > 0;
    }
}
