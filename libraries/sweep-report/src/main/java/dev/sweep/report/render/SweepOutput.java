package dev.sweep.report.render;

import dev.sweep.core.BookSide;
import dev.sweep.core.BookState;
import dev.sweep.core.SweepAnalysis;
import dev.sweep.core.SweepReport;
import dev.sweep.feed.BookView;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

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

    /** The view of a venue that was swept. Loops, as the methods below do: a document is written per request. */
    BookView view(String venue) {
        for (BookView view : views) {
            if (view.venue().equals(venue)) {
                return view;
            }
        }
        throw new NoSuchElementException("no view of " + venue);
    }

    /** Venues swept whose books are unverified, in order: the merged book includes them. */
    List<String> unverified() {
        List<String> unverified = new ArrayList<>();
        for (SweepReport venue : analysis.venues()) {
            if (!view(venue.label()).verified()) {
                unverified.add(venue.label());
            }
        }
        return unverified;
    }

    /** Venues asked for whose books were not live: shown, never swept. */
    List<BookView> excluded() {
        List<BookView> excluded = new ArrayList<>();
        for (BookView view : views) {
            if (view.state() != BookState.LIVE) {
                excluded.add(view);
            }
        }
        return excluded;
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
        List<String> truncated = new ArrayList<>();
        for (SweepReport venue : analysis.venues()) {
            if (truncated(venue) && tookAll(venue)) {
                truncated.add(venue.label());
            }
        }
        return truncated;
    }

    /** Whether the merged sweep took from the venue all that its own sweep filled. */
    private boolean tookAll(SweepReport venue) {
        for (SweepReport.VenueShare share : analysis.merged().split()) {
            if (share.venue().equals(venue.label()) && share.filled().compareTo(venue.filled()) == 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the books are a fixed picture (a file, the end of a replay) rather than live feeds with an age. */
    boolean fromFile() {
        return FILE.equals(source) || REPLAY.equals(source);
    }
}
