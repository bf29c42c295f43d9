package dev.sweep.cli;

import dev.sweep.core.Instrument;
import dev.sweep.report.Conversions;
import dev.sweep.report.Symbols;
import dev.sweep.report.UserInputException;
import dev.sweep.report.render.SweepOutput;
import dev.sweep.server.BookSource;
import dev.sweep.server.FeedBooks;
import dev.sweep.server.FileBooks;
import dev.sweep.server.ServerConfig;
import dev.sweep.server.ServerMetrics;
import dev.sweep.server.SweepServer;
import dev.sweep.venue.Venue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sweep serve}: the feeds kept live (or a book file) behind the HTTP API, the stream and the page. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Keep the books live and serve them: a JSON API (/api/v1/sweep, curve, depth, books, health),"
                + " a WebSocket stream, Prometheus metrics and a live depth page, until Ctrl-C.",
        footer = {"", "Examples:", "  sweep serve --demo                        (offline: the built-in simulator)",
                "  sweep serve --symbols BTC-USD,ETH-USD --port 8080",
                "  sweep serve --from examples/books.json    (what-if analysis on saved books)",
                "  curl 'http://127.0.0.1:8080/api/v1/sweep?side=sell&qty=15'"})
final class ServeCommand implements Callable<Integer> {

    private final Console console;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServerConfig.LOOPBACK,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    private String bind;

    @Option(names = "--symbols", split = ",", paramLabel = "SYMBOL",
            description = "Instruments to serve (default: BTC-USD; with --from: every one in the file).")
    private List<String> symbols = new ArrayList<>();

    @Option(names = "--venues", split = ",", paramLabel = "VENUE",
            description = "Venues to follow (default: ${bundle:venues.list}; with --from: every venue in the file).")
    private List<String> venues = new ArrayList<>();

    @Option(names = "--from", paramLabel = "FILE",
            description = "Serve the books of a book file instead of live ones (format: README, \"Book files\").")
    private Path from;

    @Mixin
    private FeedOptions feed;

    ServeCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new UserInputException("--port must be from 0 to 65535, not " + port);
        }
        ServerConfig config = ServerConfig.on(bind, port);
        if (from != null) {
            if (feed.demo || !feed.endpoints.isEmpty()) {
                throw new UserInputException("--from reads books from a file: it cannot be combined with --demo or"
                        + " --endpoint");
            }
            FileBooks books = FileBooks.read(from, symbols, venues);
            feed.startLogs(console);
            serve(config, books, new ServerMetrics(), "the books of " + from);
            return ExitCode.OK;
        }
        List<Instrument> instruments = Symbols.instruments("--symbols", symbols.isEmpty() ? List.of("BTC-USD")
                : symbols);
        Map<String, List<Instrument>> subscribed = subscriptions(instruments);
        List<Instrument> followed = new ArrayList<>(instruments);
        subscribed.values().forEach(books -> books.stream().filter(book -> !followed.contains(book))
                .forEach(followed::add));
        List<Venue> selected = subscribed.keySet().stream().map(VenueSelection::venue).toList();
        feed.startLogs(console);
        ServerMetrics metrics = new ServerMetrics();
        try (LiveFeeds feeds = LiveFeeds.start(feed, selected, subscribed, metrics.frameTap(),
                metrics.stateListener())) {
            String kind = feeds.isDemo() ? SweepOutput.DEMO : SweepOutput.LIVE;
            serve(config, new FeedBooks(kind, instruments, followed, List.copyOf(subscribed.keySet()), feeds::views),
                    metrics, (feeds.isDemo() ? "the simulator's" : "live") + " books");
        }
        return ExitCode.OK;
    }

    /**
     * The books each venue follows: for each symbol, each venue's book of it or of a currency a sweep converts into
     * it, and the rate books, as {@code sweep sell} subscribes them ({@link QuotePlan}), so that the API's requests
     * convert as the command line does.
     */
    private Map<String, List<Instrument>> subscriptions(List<Instrument> instruments) {
        List<Venue> selected = VenueSelection.of("--venues", venues);
        Map<String, List<Instrument>> subscribed = new LinkedHashMap<>();
        for (Instrument instrument : instruments) {
            Conversions conversions = Conversions.of(instrument, false, List.of());
            List<Venue> taking = selected.stream()
                    .filter(venue -> conversions.bookQuote(venue.quoteCurrencies()).isPresent()).toList();
            if (taking.isEmpty()) {
                continue; // served with no books, as a symbol no venue lists always was
            }
            QuotePlan.of(taking, false, conversions).subscribed().forEach((venue, books) -> {
                List<Instrument> followed = subscribed.computeIfAbsent(venue, name -> new ArrayList<>());
                books.stream().filter(book -> !followed.contains(book)).forEach(followed::add);
            });
        }
        for (String name : venues) {
            if (!subscribed.containsKey(name)) {
                VenueSelection.checkListed("--venues: ", VenueSelection.venue(name), instruments);
            }
        }
        return subscribed;
    }

    /** Serves until Ctrl-C or SIGTERM, then closes the server before the feeds close. */
    private void serve(ServerConfig config, BookSource books, ServerMetrics metrics, String what)
            throws InterruptedException {
        try (StopRequest stop = StopRequest.install("sweep-serve-shutdown");
             SweepServer server = SweepServer.start(config, books, metrics)) {
            console.out().println("sweep serving " + what + " (" + String.join(", ", books.venues()) + "; "
                    + String.join(", ", books.instruments().stream().map(Instrument::symbol).toList()) + ") at "
                    + server.uri());
            console.out().println("API " + server.uri().resolve("/api/v1/") + " · Ctrl-C to stop.");
            console.out().flush();
            while (!stop.await(Long.MAX_VALUE)) {
                // Woken only by a stop request.
            }
        }
    }
}
