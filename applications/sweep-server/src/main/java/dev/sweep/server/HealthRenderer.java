package dev.sweep.server;

import dev.sweep.core.Instrument;
import dev.sweep.feed.BookView;
import dev.sweep.report.render.JsonDocuments;
import dev.sweep.report.render.JsonRenderer;
import dev.sweep.report.render.SweepOutput;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.util.List;
import java.util.Map;

/**
 * The health document: {@code status} ({@code ok} when every book is live, {@code degraded} when some are,
 * {@code down} when none is), then each book's state, age, integrity check, updates, resyncs and last problem.
 */
final class HealthRenderer {

    private static final String FILE_INTEGRITY = "a book file: checked whole when read";

    private HealthRenderer() {
    }

    /** Whether any book is live: the API answers 503 when none is. */
    static boolean anyLive(Map<Instrument, List<BookView>> books) {
        return books.values().stream().flatMap(List::stream).anyMatch(BookView::isLive);
    }

    static String json(String source, Map<Instrument, List<BookView>> books) {
        boolean all = books.values().stream().flatMap(List::stream).allMatch(BookView::isLive);
        return JsonDocuments.write(json -> {
                json.writeStartObject();
                json.writeStringField("status", all ? "ok" : anyLive(books) ? "degraded" : "down");
                json.writeStringField("source", source);
                json.writeArrayFieldStart("books");
                for (Map.Entry<Instrument, List<BookView>> instrument : books.entrySet()) {
                    for (BookView view : instrument.getValue()) {
                        json.writeStartObject();
                        json.writeStringField("venue", view.venue());
                        json.writeStringField("symbol", instrument.getKey().symbol());
                        JsonRenderer.writeState(json, view);
                        json.writeStringField("integrity", SweepOutput.FILE.equals(source) ? FILE_INTEGRITY
                                : Venues.byName(view.venue()).map(Venue::integrity).orElse(null));
                        json.writeNumberField("updates", view.updates());
                        json.writeNumberField("resyncs", view.resyncs());
                        json.writeStringField("lastProblem", view.lastProblem());
                        json.writeEndObject();
                    }
                }
                json.writeEndArray();
                json.writeEndObject();
        });
    }
}
