package dev.sweep.report.render;

import dev.sweep.core.BookState;
import dev.sweep.core.SweepAnalysis;
import dev.sweep.core.SweepReport;
import dev.sweep.feed.BookView;
import java.util.List;

/**
 * Everything a report shows: where the books came from, the analysis of the live ones, and the state of every
 * venue asked for, swept or not.
 *
 * @param source   {@code file}, {@code live}, {@code demo} or {@code replay}
 * @param analysis the sweeps of the live books
 * @param views    every venue asked for, in order
 */
public record SweepOutput(String source, SweepAnalysis analysis, List<BookView> views) {

    public static final String FILE = "file";
    public static final String LIVE = "live";
    public static final String DEMO = "demo";
    public static final String REPLAY = "replay";

    public SweepOutput {
        views = List.copyOf(views);
    }

    /** The view of a venue that was swept. */
    BookView view(String venue) {
        return views.stream().filter(view -> view.venue().equals(venue)).findFirst().orElseThrow();
    }

    /** Venues swept whose books are unverified, in order: the merged book includes them. */
    List<String> unverified() {
        return analysis.venues().stream().map(SweepReport::label).filter(venue -> !view(venue).verified()).toList();
    }

    /** Venues asked for whose books were not live: shown, never swept. */
    List<BookView> excluded() {
        return views.stream().filter(view -> view.state() != BookState.LIVE).toList();
    }

    /** Whether the books are a fixed picture (a file, the end of a replay) rather than live feeds with an age. */
    boolean fromFile() {
        return FILE.equals(source) || REPLAY.equals(source);
    }
}
