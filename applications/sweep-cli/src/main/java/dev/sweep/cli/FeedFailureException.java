package dev.sweep.cli;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.feed.BookView;
import dev.sweep.report.Reports;
import java.util.List;
import java.util.stream.Collectors;

/** No venue could deliver a book: the message names each venue and why (exit code 3). */
final class FeedFailureException extends RuntimeException {

    FeedFailureException(String message) {
        super(message);
    }

    /**
     * None of the views is live. The wait is named only when a venue might have made it with more time; the
     * simulator is suggested unless every venue refused the symbol, where it would not help.
     *
     * @param timeout the {@code --timeout} as the user wrote it
     */
    static FeedFailureException noLiveBook(Instrument instrument, List<BookView> views, String timeout, boolean demo) {
        boolean timedOut = views.stream().anyMatch(view -> !view.state().hasFailed());
        boolean refused = views.stream().allMatch(view -> view.state() == BookState.REJECTED);
        return new FeedFailureException("no live " + instrument + " book" + (timedOut ? " within " + timeout : "")
                + ": " + views.stream().map(view -> view.venue() + " " + Reports.state(view))
                .collect(Collectors.joining("; "))
                + (demo || refused ? "" : ". Try --demo to run against the built-in simulator."));
    }
}
