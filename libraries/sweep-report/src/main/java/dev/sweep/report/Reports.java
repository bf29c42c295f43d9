package dev.sweep.report;

import dev.sweep.core.BookState;
import dev.sweep.core.ConversionRate;
import dev.sweep.core.Instrument;
import dev.sweep.core.MarketSweep;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.QuoteConversion;
import dev.sweep.core.SweepAnalysis;
import dev.sweep.core.SweepSource;
import dev.sweep.feed.BookView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Sweeps the live books of the views in {@code instrument}, each book quoted in another currency converted at
     * its currency's rate. Give it the views as {@link #withRates} left them: a book with no rate is not live there.
     */
    public static SweepAnalysis analyze(OrderRequest request, Instrument instrument, List<BookView> views,
                                        TakerFees takerFees, Rates rates) {
        return analyze(new MarketSweep(), request, instrument, views, takerFees, rates);
    }

    /**
     * As {@link #analyze(OrderRequest, Instrument, List, TakerFees, Rates)}, with a sweeper the caller keeps for its
     * thread: a server answering request after request reuses its arrays rather than growing new ones each time.
     */
    public static SweepAnalysis analyze(MarketSweep sweeper, OrderRequest request, Instrument instrument,
                                        List<BookView> views, TakerFees takerFees, Rates rates) {
        List<SweepSource> sources = new ArrayList<>();
        for (BookView view : views) {
            if (!view.isLive()) {
                continue;
            }
            String quote = view.book().instrument().quote();
            long fee = takerFees.of(view.venue());
            if (quote.equals(instrument.quote())) {
                sources.add(new SweepSource(view.book(), fee));
            } else {
                ConversionRate rate = rates.rate(quote).orElseThrow(() -> new IllegalArgumentException(
                        view.venue() + "'s " + quote + " book has no rate: see withRates"));
                sources.add(SweepSource.converted(view.book(), instrument, rate, fee));
            }
        }
        return sweeper.analyze(request, sources);
    }

    /**
     * The views as a sweep in {@code instrument} takes them: a live book quoted in a currency without a rate becomes
     * {@link BookState#NO_RATE}, with the reason, so that it is shown and not swept.
     */
    public static List<BookView> withRates(Instrument instrument, List<BookView> views, Rates rates) {
        List<BookView> taken = new ArrayList<>(views.size());
        for (BookView view : views) {
            String quote = view.book().instrument().quote();
            Optional<ConversionRate> rate = rates.rate(quote);
            if (view.isLive() && !quote.equals(instrument.quote()) && rate.isEmpty()) {
                taken.add(new BookView(view.venue(), BookState.NO_RATE, view.verified(), view.book(), view.ageNanos(),
                        view.updates(), view.resyncs(), view.book().instrument() + " book: " + rates.whyNone(quote)));
            } else {
                taken.add(view);
            }
        }
        return taken;
    }

    /**
     * The views with each live book quoted in another currency replaced by that book converted into
     * {@code instrument} at its currency's rate, for an analysis that takes the books rather than a sweep
     * ({@code sweep curve}). Give it the views as {@link #withRates} left them.
     */
    public static List<BookView> converted(Instrument instrument, List<BookView> views, Rates rates) {
        return converted(instrument, views, rates, rates);
    }

    /**
     * As {@link #converted(Instrument, List, Rates)}, the bids at the rates a sell converts at and the asks at those a
     * buy does ({@code sweep depth}); give it the views as {@link #withRates} left them with both.
     */
    public static List<BookView> converted(Instrument instrument, List<BookView> views, Rates bidRates,
                                           Rates askRates) {
        List<BookView> converted = new ArrayList<>(views.size());
        for (BookView view : views) {
            Optional<ConversionRate> bid = conversion(instrument, view, bidRates);
            Optional<ConversionRate> ask = conversion(instrument, view, askRates);
            converted.add(bid.isEmpty() || ask.isEmpty() ? view : new BookView(view.venue(), view.state(),
                    view.verified(), QuoteConversion.convert(view.book(), instrument, bid.get(), ask.get()),
                    view.ageNanos(), view.updates(), view.resyncs(), view.lastProblem()));
        }
        return converted;
    }

    /** The rate each venue's live book is converted at by {@link #converted}, by venue. */
    public static Map<String, ConversionRate> rates(Instrument instrument, List<BookView> views, Rates rates) {
        Map<String, ConversionRate> byVenue = new LinkedHashMap<>();
        views.forEach(view -> conversion(instrument, view, rates).ifPresent(rate -> byVenue.put(view.venue(), rate)));
        return byVenue;
    }

    private static Optional<ConversionRate> conversion(Instrument instrument, BookView view, Rates rates) {
        String quote = view.book().instrument().quote();
        return view.isLive() && !quote.equals(instrument.quote()) ? rates.rate(quote) : Optional.empty();
    }

    /** A book's state and the venue's last problem, as failures and warnings name it: {@code SYNCING (reason)}. */
    public static String state(BookView view) {
        return view.state() + (view.lastProblem() == null ? "" : " (" + view.lastProblem() + ")");
    }
}
