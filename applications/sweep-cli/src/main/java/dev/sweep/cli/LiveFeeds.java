package dev.sweep.cli;

import dev.sweep.core.BookCut;
import dev.sweep.core.Instrument;
import dev.sweep.feed.BookCopies;
import dev.sweep.feed.BookStateChange;
import dev.sweep.feed.BookView;
import dev.sweep.feed.FeedManager;
import dev.sweep.feed.FrameTap;
import dev.sweep.feed.LiveBooks;
import dev.sweep.kafka.KafkaBooks;
import dev.sweep.feed.WaitProgress;
import dev.sweep.report.UserInputException;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venue;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The live books a command works on: the venues' feeds, or with {@code --demo} the same feeds pointed at the
 * simulator started in this process on a free loopback port, or with {@code --kafka} the books rebuilt from the
 * events {@code sweep publish} writes there. Never two, and never one instead of another without being asked.
 */
final class LiveFeeds implements AutoCloseable {

    private final Simulator simulator;
    private final LiveBooks feeds;
    private boolean closed;

    private LiveFeeds(Simulator simulator, LiveBooks feeds) {
        this.simulator = simulator;
        this.feeds = feeds;
    }

    static LiveFeeds start(FeedOptions options, List<Venue> venues, List<Instrument> instruments) {
        return start(options, venues, instruments, FrameTap.NONE);
    }

    /** Starts the feeds, showing every frame to {@code tap} before it is decoded (none comes from Kafka). */
    static LiveFeeds start(FeedOptions options, List<Venue> venues, List<Instrument> instruments, FrameTap tap) {
        return start(options, venues, instruments, tap, change -> { });
    }

    /** Starts the feeds as {@link #start(FeedOptions, List, List, FrameTap)}, telling {@code states} every change. */
    static LiveFeeds start(FeedOptions options, List<Venue> venues, List<Instrument> instruments, FrameTap tap,
                           Consumer<BookStateChange> states) {
        return start(options, venues, listedBy(venues, instruments), tap, states);
    }

    /** Starts the feeds of the venues, each following its own instruments (a venue with none is not connected). */
    static LiveFeeds start(FeedOptions options, List<Venue> venues, Map<String, List<Instrument>> instruments) {
        return start(options, venues, instruments, FrameTap.NONE, change -> { });
    }

    /** Starts the feeds as {@link #start(FeedOptions, List, Map)}, with a tap and a listener as above. */
    static LiveFeeds start(FeedOptions options, List<Venue> venues, Map<String, List<Instrument>> instruments,
                           FrameTap tap, Consumer<BookStateChange> states) {
        if (options.kafka != null) {
            return fromKafka(options, venues, instruments.values().stream().flatMap(List::stream).distinct()
                    .toList(), states);
        }
        return connect(options, venues, instruments, tap, feeds -> feeds.addStateListener(states));
    }

    /** The instruments each venue {@linkplain Venue#lists lists}, by venue name. */
    private static Map<String, List<Instrument>> listedBy(List<Venue> venues, List<Instrument> instruments) {
        Map<String, List<Instrument>> byVenue = new LinkedHashMap<>();
        venues.forEach(venue -> byVenue.put(venue.name(), instruments.stream().filter(venue::lists).toList()));
        return byVenue;
    }

    /** The books of {@code --kafka}, rebuilt from the events there; the options of the venues' feeds are not for it. */
    private static LiveFeeds fromKafka(FeedOptions options, List<Venue> venues, List<Instrument> instruments,
                                       Consumer<BookStateChange> states) {
        if (options.demo || !options.endpoints.isEmpty() || !options.restEndpoints.isEmpty()) {
            throw new UserInputException("--kafka reads the books from Kafka: --demo, --endpoint and --rest-endpoint"
                    + " are for 'sweep publish', which writes them there");
        }
        KafkaBooks books = new KafkaBooks(options.kafkaSettings(), venues.stream().map(Venue::name).toList(),
                instruments);
        books.addStateListener(states);
        return new LiveFeeds(null, books.start());
    }

    /**
     * Starts the venues' feeds (on the simulator with {@code --demo}), handing them to {@code beforeStart} first, e.g.
     * to attach a listener to their books.
     */
    static LiveFeeds connect(FeedOptions options, List<Venue> venues, List<Instrument> instruments, FrameTap tap,
                             Consumer<FeedManager> beforeStart) {
        return connect(options, venues, listedBy(venues, instruments), tap, beforeStart);
    }

    private static LiveFeeds connect(FeedOptions options, List<Venue> venues, Map<String, List<Instrument>> instruments,
                                     FrameTap tap, Consumer<FeedManager> beforeStart) {
        // Checked before the simulator starts, so that bad input leaves nothing running.
        Map<String, URI> overrides = options.endpointUris();
        Map<String, URI> restOverrides = options.restEndpointUris();
        Map<String, URI> endpoints = new LinkedHashMap<>();
        Map<String, URI> restEndpoints = new LinkedHashMap<>();
        Simulator simulator = null;
        if (options.demo) {
            simulator = Simulator.start(SimulatorConfig.defaults());
            for (Venue venue : venues) {
                endpoints.put(venue.name(), simulator.endpoint(venue.name()));
                if (venue.restSnapshots().isPresent()) {
                    restEndpoints.put(venue.name(), simulator.restEndpoint(venue.name()));
                }
            }
        }
        endpoints.putAll(overrides);
        restEndpoints.putAll(restOverrides);
        try {
            FeedManager feeds = new FeedManager(venues, endpoints, restEndpoints, instruments, options.settings(), tap);
            beforeStart.accept(feeds);
            return new LiveFeeds(simulator, feeds.start());
        } catch (IllegalArgumentException e) {
            if (simulator != null) {
                simulator.close();
            }
            throw new UserInputException(e.getMessage());
        }
    }

    boolean isDemo() {
        return simulator != null;
    }

    List<BookView> awaitLive(Instrument instrument, Duration timeout, WaitProgress progress)
            throws InterruptedException {
        return feeds.awaitLive(instrument, BookCut.WHOLE, new BookCopies(), timeout, progress);
    }

    /** Waits as {@link #awaitLive(Instrument, Duration, WaitProgress)}, copying only what a query needs. */
    List<BookView> awaitLive(Instrument instrument, BookCut cut, BookCopies copies, Duration timeout,
                             WaitProgress progress) throws InterruptedException {
        return feeds.awaitLive(instrument, cut, copies, timeout, progress);
    }

    /**
     * The views of every instrument the plan follows: the symbol's books cut to what the query needs, the others
     * (converted books, rate books) whole, since the cut is in the symbol's currency. With a timeout, waits for
     * each instrument's books in turn, all within it; without, takes them as they are.
     */
    Map<Instrument, List<BookView>> read(QuotePlan plan, Instrument instrument, BookCut cut, BookCopies copies,
                                         Duration timeout, WaitProgress progress) throws InterruptedException {
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        Map<Instrument, List<BookView>> views = new LinkedHashMap<>();
        for (Instrument book : plan.instruments()) {
            BookCut bookCut = book.equals(instrument) ? cut : BookCut.WHOLE;
            views.put(book, timeout == null ? views(book, bookCut, copies) : awaitLive(book, bookCut, copies,
                    Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), progress));
        }
        return views;
    }

    List<BookView> views(Instrument instrument) {
        return feeds.views(instrument, BookCut.WHOLE, new BookCopies());
    }

    /** The views of the books, each copied only as far as {@code cut} says, into {@code copies}. */
    List<BookView> views(Instrument instrument, BookCut cut, BookCopies copies) {
        return feeds.views(instrument, cut, copies);
    }

    /** Closing again, even from a shutdown hook while try-with-resources closes, waits for the first and is done. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        feeds.close();
        if (simulator != null) {
            simulator.close();
        }
    }
}
