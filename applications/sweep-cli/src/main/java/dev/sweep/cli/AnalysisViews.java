package dev.sweep.cli;

import dev.sweep.core.Instrument;
import dev.sweep.feed.BookView;
import dev.sweep.report.UserInputException;
import dev.sweep.report.render.SweepOutput;
import dev.sweep.server.FileBooks;
import dev.sweep.venue.Venue;
import java.nio.file.Path;
import java.util.List;

/**
 * The books a one-shot analysis ({@code sweep curve}, {@code sweep depth}) works on: a book file's, or copies of the
 * live (or simulated) books once every venue is live or has failed, as {@code sweep sell} waits for them.
 *
 * @param source {@code file}, {@code live} or {@code demo}, as the documents say
 * @param views  every venue asked for, in order; at least one is live
 */
record AnalysisViews(String source, List<BookView> views) {

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
                    .views(instrument));
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
            return new AnalysisViews(feeds.isDemo() ? SweepOutput.DEMO : SweepOutput.LIVE, views);
        }
    }
}
