package dev.sweep.cli;

import dev.sweep.core.BookCut;
import dev.sweep.core.ConversionRate;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderSide;
import dev.sweep.feed.BookCopies;
import dev.sweep.feed.BookView;
import dev.sweep.report.Conversions;
import dev.sweep.report.Rates;
import dev.sweep.report.Reports;
import dev.sweep.report.UserInputException;
import dev.sweep.report.render.SweepOutput;
import dev.sweep.server.FileBooks;
import dev.sweep.venue.Venue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The books a one-shot analysis ({@code sweep curve}, {@code sweep depth}) works on: a book file's, or copies of the
 * live (or simulated) books once every venue is live or has failed, as {@code sweep sell} waits for them.
 *
 * @param source {@code file}, {@code live} or {@code demo}, as the documents say
 * @param views  every venue asked for, in order; at least one is live
 * @param bidRates the rate each venue's bids converted into the symbol's currency were taken at (a sell's), by venue
 * @param askRates the rate its asks were taken at (a buy's), by venue
 */
record AnalysisViews(String source, List<BookView> views, Map<String, ConversionRate> bidRates,
                     Map<String, ConversionRate> askRates) {

    /** The rates of the side an order trades: a sell's bids, a buy's asks. */
    Map<String, ConversionRate> rates(OrderSide side) {
        return side == OrderSide.SELL ? bidRates : askRates;
    }

    /**
     * @throws UserInputException   on bad input, including a file that lacks the symbol or a venue
     * @throws FeedFailureException when no venue delivers a live book
     */
    static AnalysisViews of(Console console, FeedOptions feed, Path from, Instrument instrument, List<String> venues)
            throws InterruptedException {
        if (from != null) {
            if (feed.demo || !feed.endpoints.isEmpty()) {
                throw new UserInputException("--from reads books from a file: it cannot be combined with --demo or"
                        + " --endpoint");
            }
            return new AnalysisViews(SweepOutput.FILE, FileBooks.read(from, List.of(instrument.symbol()), venues)
                    .views(instrument), Map.of(), Map.of());
        }
        List<Venue> selected = VenueSelection.of("--venues", venues, List.of(instrument));
        feed.startLogs(console);
        try (LiveFeeds feeds = LiveFeeds.start(feed, selected, List.of(instrument))) {
            Progress progress = new Progress(console);
            List<BookView> views = feeds.awaitLive(instrument, feed.timeout(), progress);
            progress.clear();
            if (views.stream().noneMatch(BookView::isLive)) {
                throw FeedFailureException.noLiveBook(instrument, views, feed.timeout, feeds.isDemo());
            }
            return new AnalysisViews(feeds.isDemo() ? SweepOutput.DEMO : SweepOutput.LIVE, views, Map.of(), Map.of());
        }
    }

    /**
     * The books of an analysis ({@code sweep curve}, {@code sweep depth}): as {@link #of}, but live, a venue without a
     * book of the symbol takes part with its book in a currency {@code conversions} converts, its bids converted at
     * the best live rate a sell converts at and its asks at a buy's, as {@code sweep sell} and {@code sweep buy} take
     * them (README, "USD and USDT").
     */
    static AnalysisViews of(Console console, FeedOptions feed, Path from, Instrument instrument, List<String> venues,
                            Conversions conversions) throws InterruptedException {
        if (from != null) {
            return of(console, feed, from, instrument, venues);
        }
        QuotePlan plan = QuotePlan.of(VenueSelection.of("--venues", venues), !venues.isEmpty(), conversions);
        feed.startLogs(console);
        try (LiveFeeds feeds = LiveFeeds.start(feed, plan.venues(), plan.subscribed())) {
            Progress progress = new Progress(console);
            Map<Instrument, List<BookView>> books = feeds.read(plan, instrument, BookCut.WHOLE, new BookCopies(),
                    feed.timeout(), progress);
            progress.clear();
            Map<String, List<BookView>> rateViews = plan.rateViews(books, plan.converted(instrument));
            Rates bidRates = Rates.choose(conversions, OrderSide.SELL, rateViews);
            Rates askRates = Rates.choose(conversions, OrderSide.BUY, rateViews);
            List<BookView> views = Reports.withRates(instrument, Reports.withRates(instrument,
                    plan.sweptViews(books), bidRates), askRates);
            if (views.stream().noneMatch(BookView::isLive)) {
                throw FeedFailureException.noLiveBook(instrument, views, feed.timeout, feeds.isDemo());
            }
            return new AnalysisViews(feeds.isDemo() ? SweepOutput.DEMO : SweepOutput.LIVE,
                    Reports.converted(instrument, views, bidRates, askRates),
                    Reports.rates(instrument, views, bidRates), Reports.rates(instrument, views, askRates));
        }
    }
}
