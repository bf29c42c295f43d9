package dev.sweep.report;

import dev.sweep.core.MarketSweep;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.SweepAnalysis;
import dev.sweep.core.SweepSource;
import dev.sweep.feed.BookView;
import java.util.ArrayList;
import java.util.List;

/** Sweeping the live books among some views. */
public final class Reports {

    private Reports() {
    }

    /** Sweeps the books of the views that are live; the others are only shown. */
    public static SweepAnalysis analyze(OrderRequest request, List<BookView> views, TakerFees takerFees) {
        List<SweepSource> sources = new ArrayList<>();
        for (BookView view : views) {
            if (view.isLive()) {
                sources.add(new SweepSource(view.book(), takerFees.of(view.venue())));
            }
        }
        return new MarketSweep().analyze(request, sources);
    }

    /** A book's state and the venue's last problem, as failures and warnings name it: {@code SYNCING (reason)}. */
    public static String state(BookView view) {
        return view.state() + (view.lastProblem() == null ? "" : " (" + view.lastProblem() + ")");
    }
}
