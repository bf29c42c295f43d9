package dev.sweep.report;

import dev.sweep.core.OrderSide;
import dev.sweep.core.SweepAnalysis;
import dev.sweep.core.SweepReport;
import java.util.Optional;

/** The venue that alone fills the order at the best price after fees: what the merged book is measured against. */
public final class BestAlone {

    private BestAlone() {
    }

    /** The venue report that fills the whole order at the best price after fees; empty when no venue fills it alone. */
    public static Optional<SweepReport> of(SweepAnalysis analysis) {
        SweepReport best = null;
        for (SweepReport venue : analysis.venues()) {
            if (venue.complete() && venue.filled().signum() > 0 && (best == null || isBetter(analysis, venue, best))) {
                best = venue;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether a's price after fees beats b's, compared exactly: a's total × b's size with b's total × a's size. */
    private static boolean isBetter(SweepAnalysis analysis, SweepReport a, SweepReport b) {
        int comparison = a.notionalWithFees().multiply(b.filled()).compareTo(b.notionalWithFees().multiply(a.filled()));
        return analysis.request().side() == OrderSide.BUY ? comparison < 0 : comparison > 0;
    }
}
