package dev.sweep.server;

import dev.sweep.core.Instrument;
import dev.sweep.feed.BookView;
import java.util.List;

/** Where the books a server answers from come from: live feeds, the simulator, or a book file. */
public interface BookSource {

    /** What the documents say in {@code source}: {@code live}, {@code demo} or {@code file}. */
    String kind();

    /** The instruments served, the first being the default of a request that names none. */
    List<Instrument> instruments();

    /**
     * Every instrument whose books are kept: those served, then those a sweep of them converts (a venue's
     * {@code BTC-USDT} book for {@code BTC-USD}) and their rate books ({@code USDT-USD}), README "USD and USDT".
     */
    default List<Instrument> followed() {
        return instruments();
    }

    /** The venues served, in the order documents list them. */
    List<String> venues();

    /**
     * Consistent copies of every venue's book of an instrument followed, in {@link #venues()} order. May wait for the
     * feeds' threads to take the copies: never called on a thread that serves requests.
     *
     * @throws IllegalStateException when a feed does not answer
     */
    List<BookView> views(Instrument instrument);

    /**
     * Whether the books never change (a book file's): their views are then taken once, when the server starts, and
     * every request is answered from them, with no copy taken and no request waiting for one.
     */
    default boolean fixed() {
        return false;
    }
}
