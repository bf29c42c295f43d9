package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.feed.BookStateChange;
import dev.sweep.feed.BookView;
import dev.sweep.venue.StateCause;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The "waiting for books" line: shown when stderr is a terminal, whatever NO_COLOR or stdout say, and redrawn as the
 * books change state.
 */
class ProgressTest {

    private static final List<BookView> SYNCING = List.of(view("kraken", BookState.LIVE),
            view("gemini", BookState.SYNCING));
    private static final BookStateChange GEMINI_LIVE = new BookStateChange("gemini", Instrument.of("BTC-USD"), "BTCUSD",
            BookState.SYNCING, BookState.LIVE, StateCause.SNAPSHOT, "12 bids, 9 asks");

    private final StringWriter err = new StringWriter();

    @Test
    void showsOnATerminalStderrWithNoColorAndStdoutPiped() {
        Progress progress = new Progress(console(true, Map.of("NO_COLOR", "1")));

        progress.onStart(SYNCING);
        progress.clear();

        assertThat(err.toString()).isEqualTo("\r\u001b[2Kwaiting for books: kraken LIVE · gemini SYNCING\r\u001b[2K");
    }

    @Test
    void aChangeOfStateRedrawsTheLine() {
        Progress progress = new Progress(console(true, Map.of()));

        progress.onStart(SYNCING);
        progress.onChange(GEMINI_LIVE);

        assertThat(err.toString()).isEqualTo("\r\u001b[2Kwaiting for books: kraken LIVE · gemini SYNCING"
                + "\r\u001b[2Kwaiting for books: kraken LIVE · gemini LIVE");
    }

    @Test
    void staysSilentWhenStderrIsNotATerminal() {
        Progress progress = new Progress(console(false, Map.of()));

        progress.onStart(SYNCING);
        progress.onChange(GEMINI_LIVE);
        progress.clear();

        assertThat(err.toString()).isEmpty();
    }

    private Console console(boolean errTerminal, Map<String, String> environment) {
        return Console.of(new PrintWriter(new StringWriter()), new PrintWriter(err), false, errTerminal, environment);
    }

    private static BookView view(String venue, BookState state) {
        return new BookView(venue, state, true, new OrderBook(venue, Instrument.of("BTC-USD"), 2), -1, 0, 0, null);
    }
}
