package dev.sweep.server;

import dev.sweep.core.Instrument;
import dev.sweep.feed.BookView;
import java.util.List;
import java.util.function.Function;

/**
 * Books kept live by feeds, to the venues or to the simulator.
 *
 * @param kind        {@code live} or {@code demo}
 * @param instruments the instruments served
 * @param followed    every instrument subscribed: those served, then the books their sweeps convert and the rate
 *                    books
 * @param venues      the venues followed
 * @param copies      takes consistent copies of an instrument's books on the feeds' threads, e.g.
 *                    {@link dev.sweep.feed.FeedManager#views}
 */
public record FeedBooks(String kind, List<Instrument> instruments, List<Instrument> followed, List<String> venues,
                        Function<Instrument, List<BookView>> copies) implements BookSource {

    public FeedBooks {
        instruments = List.copyOf(instruments);
        followed = List.copyOf(followed);
        venues = List.copyOf(venues);
    }

    /** Books of the instruments served only, none converted. */
    public FeedBooks(String kind, List<Instrument> instruments, List<String> venues,
                     Function<Instrument, List<BookView>> copies) {
        this(kind, instruments, instruments, venues, copies);
    }

    @Override
    public List<BookView> views(Instrument instrument) {
        return copies.apply(instrument);
    }
}
