package dev.sweep.cli;

import dev.sweep.core.BookState;
import dev.sweep.feed.BookStateChange;
import dev.sweep.feed.BookView;
import dev.sweep.feed.WaitProgress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which venues are still syncing, on one line of stderr that redraws itself as their books change state; only on a
 * terminal.
 */
final class Progress implements WaitProgress {

    private final Console console;
    /** Each venue's book state, in the order of the venues. */
    private final Map<String, BookState> states = new LinkedHashMap<>();
    private boolean shown;

    Progress(Console console) {
        this.console = console;
    }

    @Override
    public void onStart(List<BookView> views) {
        views.forEach(view -> states.put(view.venue(), view.state()));
        show();
    }

    @Override
    public void onChange(BookStateChange change) {
        states.put(change.venue(), change.to());
        show();
    }

    private void show() {
        if (!console.progress()) {
            return;
        }
        String line = "waiting for books: " + states.entrySet().stream()
                .map(venue -> venue.getKey() + " " + venue.getValue()).collect(Collectors.joining(" · "));
        console.err().print("\r\u001b[2K" + line);
        console.err().flush();
        shown = true;
    }

    void clear() {
        if (shown) {
            console.err().print("\r\u001b[2K");
            console.err().flush();
        }
    }
}
