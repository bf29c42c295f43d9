package dev.sweep.cli;

import dev.sweep.feed.BookView;
import java.util.List;
import java.util.stream.Collectors;

/** Which venues are still syncing, on one line of stderr that redraws itself; only on a terminal. */
final class Progress {

    private final Console console;
    private boolean shown;

    Progress(Console console) {
        this.console = console;
    }

    void show(List<BookView> views) {
        if (!console.progress()) {
            return;
        }
        String line = "waiting for books: " + views.stream().map(view -> view.venue() + " " + view.state())
                .collect(Collectors.joining(" · "));
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
