package dev.sweep.report.render;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderRequest;
import dev.sweep.feed.BookView;
import java.util.List;

/**
 * A report with nothing to sweep: no venue's book is live. Under {@code --watch} it is a refresh like any other (the
 * books may come back at the next one); a one-shot report never shows it, it fails instead (exit code 3).
 *
 * @param source  {@code live} or {@code demo}
 * @param request what was asked
 * @param views   every venue asked for, in order, each with its state and reason
 */
public record NothingLive(String source, OrderRequest request, Instrument instrument, List<BookView> views) {

    public NothingLive {
        views = List.copyOf(views);
    }
}
