package dev.sweep.report.render;

import dev.sweep.core.BookSide;
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

    /**
     * Whether the venue's own sweep ran off the end of a truncated book: it took every level of a side the venue has
     * more of than its feed sends ({@link dev.sweep.core.BookSide#isTruncated}), so its fill is not the whole answer.
     */
    boolean truncated(SweepReport venue) {
        return !venue.complete() && sweptSide(venue).isTruncated();
    }

    /** Levels the venue's book held on the side its sweep takes from. */
    int sweptLevels(SweepReport venue) {
        return sweptSide(venue).depth();
    }

    private BookSide sweptSide(SweepReport venue) {
        return view(venue.label()).book().side(venue.request().side().bookSide());
    }

    /**
     * The venues whose truncated books the merged sweep ran off, in order: it took all that each alone could fill,
     * and the venue has more beyond, unknown here.
     */
    List<String> truncatedInMerged() {
        return analysis.venues().stream().filter(this::truncated)
                .filter(venue -> analysis.merged().split().stream().anyMatch(share -> share.venue()
                        .equals(venue.label()) && share.filled().compareTo(venue.filled()) == 0))
                .map(SweepReport::label).toList();
    }

    /** Whether the books are a fixed picture (a file, the end of a replay) rather than live feeds with an age. */
    boolean fromFile() {
        return FILE.equals(source) || REPLAY.equals(source);
    }
}
