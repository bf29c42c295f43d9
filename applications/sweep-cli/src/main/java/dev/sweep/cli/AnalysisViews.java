package dev.sweep.cli;

import dev.sweep.core.BookCut;
import dev.sweep.core.Instrument;
import dev.sweep.feed.BookCopies;
import dev.sweep.feed.BookView;
import dev.sweep.report.Conversions;
import dev.sweep.report.ConvertedViews;
import dev.sweep.report.Reports;
import dev.sweep.report.UserInputException;
import dev.sweep.report.render.SweepOutput;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The books a one-shot analysis ({@code sweep curve}, {@code sweep depth}, {@code sweep book}) works on: a book file's,
 * or copies of the live (or simulated) books once every venue is live or has failed, as {@code sweep sell} waits for
 * them.
 *
 * @param source {@code file}, {@code live} or {@code demo}, as the documents say
 * @param books  every venue asked for, in order, at least one live, and the rates of the converted ones
 */
record AnalysisViews(String source, ConvertedViews books) {

    /**
     * Each venue's book of the symbol or, for a venue without one, its book in a currency {@code conversions}
     * converts, its bids converted at the best rate a sell converts at (of the live rate books, or the file's) and its
     * asks at a buy's, as {@code sweep sell} and {@code sweep buy} take them (README, "USD and USDT").
     *
     * @throws UserInputException   on bad input, including a file that lacks the symbol or a venue
     * @throws FeedFailureException when no venue delivers a live book
     */
    static AnalysisViews of(Console console, FeedOptions feed, Path from, Instrument instrument, List<String> venues,
                            Conversions conversions) throws InterruptedException {
        if (from != null) {
            checkFileOnly(feed);
            FileViews file = FileViews.read(from, conversions, venues);
            ConvertedViews converted = ConvertedViews.of(instrument, conversions, file.views(), file.rateViews());
            if (converted.views().stream().noneMatch(BookView::isLive)) {
                throw new UserInputException("nothing to analyze in " + from + ": " + converted.views().stream()
                        .map(view -> view.venue() + " " + Reports.state(view)).collect(Collectors.joining("; ")));
            }
            return new AnalysisViews(SweepOutput.FILE, converted);
        }
        QuotePlan plan = QuotePlan.of(VenueSelection.of("--venues", venues), !venues.isEmpty(), conversions);
        feed.startLogs(console);
        try (LiveFeeds feeds = LiveFeeds.start(feed, plan.venues(), plan.subscribed())) {
            Progress progress = new Progress(console);
            Map<Instrument, List<BookView>> books = feeds.read(plan, instrument, BookCut.WHOLE, new BookCopies(),
                    feed.timeout(), progress);
            progress.clear();
            ConvertedViews converted = ConvertedViews.of(instrument, conversions, plan.sweptViews(books),
                    plan.rateViews(books, plan.converted(instrument)));
            if (converted.views().stream().noneMatch(BookView::isLive)) {
                throw FeedFailureException.noLiveBook(instrument, converted.views(), feed.timeout, feeds.isDemo());
            }
            return new AnalysisViews(feeds.isDemo() ? SweepOutput.DEMO : SweepOutput.LIVE, converted);
        }
    }

    private static void checkFileOnly(FeedOptions feed) {
        if (feed.demo || !feed.endpoints.isEmpty()) {
            throw new UserInputException("--from reads books from a file: it cannot be combined with --demo or"
                    + " --endpoint");
        }
    }
}
