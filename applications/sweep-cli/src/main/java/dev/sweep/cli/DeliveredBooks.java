package dev.sweep.cli;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.feed.BookView;
import dev.sweep.report.Reports;
import dev.sweep.venue.Venue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which venues have delivered which books during a recording, and for the others the last word on why not. A book
 * counts as delivered once it has been built from a snapshot, even if it is stale or broken later: its frames are
 * in the recording.
 */
final class DeliveredBooks {

    private final List<Instrument> instruments;
    private final Map<String, Set<Instrument>> delivered = new LinkedHashMap<>();
    /** The latest view of a book not delivered yet, by venue: its state and the venue's last problem. */
    private final Map<String, BookView> waiting = new LinkedHashMap<>();

    DeliveredBooks(List<Venue> venues, List<Instrument> instruments) {
        this.instruments = List.copyOf(instruments);
        for (Venue venue : venues) {
            delivered.put(venue.name(), new LinkedHashSet<>());
        }
    }

    /** Looks at the books not delivered yet. */
    void poll(LiveFeeds feeds) {
        for (Instrument instrument : instruments) {
            if (delivered.values().stream().allMatch(books -> books.contains(instrument))) {
                continue;
            }
            for (BookView view : feeds.views(instrument)) {
                if (view.state() == BookState.LIVE || view.state() == BookState.STALE) {
                    delivered.get(view.venue()).add(instrument);
                } else if (!delivered.get(view.venue()).contains(instrument)) {
                    waiting.put(view.venue(), view);
                }
            }
        }
    }

    /** Whether every venue has delivered every book. */
    boolean complete() {
        return delivered.values().stream().allMatch(books -> books.size() == instruments.size());
    }

    /** Whether no venue has delivered any book. */
    boolean none() {
        return delivered.values().stream().allMatch(Set::isEmpty);
    }

    /** The venues that delivered at least one book, in the order given. */
    List<String> venues() {
        return delivered.entrySet().stream().filter(entry -> !entry.getValue().isEmpty()).map(Map.Entry::getKey)
                .toList();
    }

    /** Each venue and why it has delivered nothing: {@code kraken SYNCING (reason); coinbase ...}. */
    String reasons() {
        return waiting.values().stream().map(view -> view.venue() + " " + Reports.state(view))
                .collect(Collectors.joining("; "));
    }

    /** One line per venue that delivered some books but not all, or none: {@code gemini gave no book: SYNCING}. */
    List<String> gaps() {
        List<String> gaps = new ArrayList<>();
        delivered.forEach((venue, books) -> {
            if (books.size() < instruments.size()) {
                List<String> missing = instruments.stream().filter(instrument -> !books.contains(instrument))
                        .map(Instrument::symbol).toList();
                gaps.add(venue + " gave no " + (books.isEmpty() ? "" : String.join(" or ", missing) + " ") + "book: "
                        + Reports.state(waiting.get(venue)));
            }
        });
        return gaps;
    }

    /** The instruments asked for, as a failure names them: {@code BTC-USD or ETH-USD}. */
    String symbols() {
        return instruments.stream().map(Instrument::symbol).collect(Collectors.joining(" or "));
    }
}
