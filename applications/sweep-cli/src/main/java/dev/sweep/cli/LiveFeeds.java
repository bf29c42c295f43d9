package dev.sweep.cli;

import dev.sweep.core.BookCut;
import dev.sweep.core.Instrument;
import dev.sweep.feed.BookCopies;
import dev.sweep.feed.BookView;
import dev.sweep.feed.FeedManager;
import dev.sweep.feed.FrameTap;
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

/**
 * The live books a command works on: the venues' feeds, or with {@code --demo} the same feeds pointed at the
 * simulator started in this process on a free loopback port. Never both, and never one instead of the other
 * without being asked.
 */
final class LiveFeeds implements AutoCloseable {

    private final Simulator simulator;
    private final FeedManager feeds;
    private boolean closed;

    private LiveFeeds(Simulator simulator, FeedManager feeds) {
        this.simulator = simulator;
        this.feeds = feeds;
    }

    static LiveFeeds start(FeedOptions options, List<Venue> venues, List<Instrument> instruments) {
        return start(options, venues, instruments, FrameTap.NONE);
    }

    /** Starts the feeds, showing every frame to {@code tap} before it is decoded. */
    static LiveFeeds start(FeedOptions options, List<Venue> venues, List<Instrument> instruments, FrameTap tap) {
        Map<String, List<Instrument>> byVenue = new LinkedHashMap<>();
        venues.forEach(venue -> byVenue.put(venue.name(), instruments));
        return start(options, venues, byVenue, tap);
    }

    /** Starts the feeds of the venues, each following its own instruments. */
    static LiveFeeds start(FeedOptions options, List<Venue> venues, Map<String, List<Instrument>> instruments) {
        return start(options, venues, instruments, FrameTap.NONE);
    }

    private static LiveFeeds start(FeedOptions options, List<Venue> venues, Map<String, List<Instrument>> instruments,
                                   FrameTap tap) {
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
            return new LiveFeeds(simulator, new FeedManager(venues, endpoints, restEndpoints, instruments,
                    options.settings(), tap).start());
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
        return feeds.awaitLive(instrument, timeout, progress);
    }

    /** Waits as {@link #awaitLive(Instrument, Duration, WaitProgress)}, copying only what a query needs. */
    List<BookView> awaitLive(Instrument instrument, BookCut cut, BookCopies copies, Duration timeout,
                             WaitProgress progress) throws InterruptedException {
        return feeds.awaitLive(instrument, cut, copies, timeout, progress);
    }

    List<BookView> views(Instrument instrument) {
        return feeds.views(instrument);
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
