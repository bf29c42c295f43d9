package dev.sweep.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sweep.core.Instrument;
import dev.sweep.feed.BookView;
import dev.sweep.report.render.SweepOutput;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The health document: {@code status} ({@code ok} when every book is live, {@code degraded} when some are,
 * {@code down} when none is), then each book's state, age, integrity check, updates, resyncs and last problem.
 */
final class HealthRenderer {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String FILE_INTEGRITY = "a book file: checked whole when read";

    private HealthRenderer() {
    }

    /** Whether any book is live: the API answers 503 when none is. */
    static boolean anyLive(Map<Instrument, List<BookView>> books) {
        return books.values().stream().flatMap(List::stream).anyMatch(BookView::isLive);
    }

    static String json(String source, Map<Instrument, List<BookView>> books) {
        boolean all = books.values().stream().flatMap(List::stream).allMatch(BookView::isLive);
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("status", all ? "ok" : anyLive(books) ? "degraded" : "down");
            json.writeStringField("source", source);
            json.writeArrayFieldStart("books");
            for (Map.Entry<Instrument, List<BookView>> instrument : books.entrySet()) {
                for (BookView view : instrument.getValue()) {
                    json.writeStartObject();
                    json.writeStringField("venue", view.venue());
                    json.writeStringField("symbol", instrument.getKey().symbol());
                    json.writeStringField("state", view.state().name());
                    if (view.ageNanos() < 0) {
                        json.writeNullField("ageMs");
                    } else {
                        json.writeNumberField("ageMs", TimeUnit.NANOSECONDS.toMillis(view.ageNanos()));
                    }
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
