package dev.sweep.sim;

import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.sim.market.MarketEvent;
import dev.sweep.sim.market.SyntheticMarket;
import dev.sweep.sim.session.Session;
import dev.sweep.venue.RestSnapshots;
import dev.sweep.venue.Venue;
import dev.sweep.venue.server.MarketView;
import dev.sweep.venue.server.RestAnswer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The simulator's REST side: each venue with {@linkplain Venue#restSnapshots() REST snapshots} answers at its
 * {@linkplain dev.sweep.venue.VenueDescriptor#simulatorRestPath() path} through its own dialect, from the truth books,
 * except when a {@link SnapshotFault} was injected for its next answer: from the truth as it was the configured lag
 * before ({@link SimulatorConfig#restLag}), or as it is when there is none. A stale answer comes from a copy of the
 * book that follows the truth {@value #STALE_STEPS} steps behind. Runs on the simulator's loop.
 */
final class RestDesk {

    /** How many of its steps a stale snapshot's book lags the truth. */
    static final int STALE_STEPS = 1000;
    /** How long a stale answer takes: long enough for the client to buffer updates the snapshot must join. */
    static final long STALE_NANOS = 200_000_000L;
    /** How long a slow answer takes: longer than any client waits (5 s). */
    static final long SLOW_NANOS = Session.STALL_NANOS;

    /** An answer held back until the clock passes a time. */
    private record Held(long releaseNanos, Runnable send) {
    }

    private final SyntheticMarket market;
    /** The venues answering over REST, by their path. */
    private final Map<String, Venue> venuesByPath = new LinkedHashMap<>();
    private final Map<String, ArrayDeque<SnapshotFault>> faults = new HashMap<>();
    private final Map<String, Map<Instrument, LaggingBook>> lagging = new HashMap<>();
    /** Copies of the books that follow the truth {@link #restLag} behind, when there is a lag. */
    private final Map<String, Map<Instrument, LaggingBook>> delayed = new HashMap<>();
    private final long restLagNanos;
    private final List<Held> held = new ArrayList<>();
    private long requests;

    /**
     * @param restLag how far behind the truth the answers are: zero for the truth as it is
     */
    RestDesk(SyntheticMarket market, List<Venue> venues, Duration restLag) {
        this.market = market;
        this.restLagNanos = restLag.toNanos();
        for (Venue venue : venues) {
            venue.descriptor().simulatorRestPath().ifPresent(path -> {
                venuesByPath.put(path, venue);
                faults.put(venue.name(), new ArrayDeque<>());
                Map<Instrument, LaggingBook> books = copies(venue);
                lagging.put(venue.name(), books);
                if (restLagNanos > 0) {
                    delayed.put(venue.name(), copies(venue));
                }
            });
        }
    }

    /** A copy of each of the venue's truth books, as it is now, to follow the truth behind it. */
    private Map<Instrument, LaggingBook> copies(Venue venue) {
        Map<Instrument, LaggingBook> books = new LinkedHashMap<>();
        market.instruments(venue.name()).forEach(instrument -> books.put(instrument,
                new LaggingBook(market.book(venue.name(), instrument), market.updateId(venue.name(), instrument))));
        return books;
    }

    /** The paths answered, for the list a wrong path gets. */
    List<String> paths() {
        return List.copyOf(venuesByPath.keySet());
    }

    /** Whether a request path is a venue's REST request. */
    boolean answers(String path) {
        return venue(path).isPresent();
    }

    /**
     * Answers a request ({@code /binance/api/v3/depth?symbol=BTCUSDT}), now or, with a fault, later.
     *
     * @param path  the request's path, which {@link #answers}
     * @param query the query, without its {@code ?}, or empty
     */
    void answer(String path, String query, long nowNanos, Consumer<RestAnswer> respond) {
        requests++;
        Venue venue = venue(path).orElseThrow();
        RestSnapshots rest = venue.restSnapshots().orElseThrow();
        String request = path.substring(venue.descriptor().simulatorRestPath().orElseThrow().length())
                + (query.isEmpty() ? "" : "?" + query);
        SnapshotFault fault = faults.get(venue.name()).poll();
        if (fault == null) {
            respond.accept(rest.answer(request, restLagNanos > 0 ? new Delayed(venue, nowNanos) : new Truth(venue),
                    nowNanos));
            return;
        }
        switch (fault) {
            case STALE -> {
                RestAnswer stale = rest.answer(request, new Lagging(venue), nowNanos);
                held.add(new Held(nowNanos + STALE_NANOS, () -> respond.accept(stale)));
            }
            case SLOW -> {
                RestAnswer slow = rest.answer(request, new Truth(venue), nowNanos);
                held.add(new Held(nowNanos + SLOW_NANOS, () -> respond.accept(slow)));
            }
            case SERVER_ERROR -> respond.accept(new RestAnswer(503, "{\"error\":\"simulated outage\"}"));
            case MALFORMED -> {
                RestAnswer whole = rest.answer(request, new Truth(venue), nowNanos);
                respond.accept(new RestAnswer(whole.status(), whole.body().substring(0, whole.body().length() / 2)));
            }
        }
    }

    /** Applies {@code fault} to the venue's next answer. */
    void inject(String venue, SnapshotFault fault) {
        ArrayDeque<SnapshotFault> queue = faults.get(venue);
        if (queue == null) {
            throw new IllegalArgumentException(venue + " serves no snapshots over REST");
        }
        queue.add(fault);
    }

    /** Requests answered or held since start. */
    long requests() {
        return requests;
    }

    /** Keeps the stale copies {@value #STALE_STEPS} steps behind, and the delayed ones the lag behind. */
    void onMarketEvent(MarketEvent event, long nowNanos) {
        Map<Instrument, LaggingBook> books = lagging.get(event.venue());
        if (books != null) {
            LaggingBook stale = books.get(event.instrument());
            stale.onChanges(event.changes(), nowNanos);
            stale.catchUp(STALE_STEPS, Long.MIN_VALUE);
        }
        Map<Instrument, LaggingBook> lagged = delayed.get(event.venue());
        if (lagged != null) {
            LaggingBook book = lagged.get(event.instrument());
            book.onChanges(event.changes(), nowNanos);
            book.catchUp(Integer.MAX_VALUE, nowNanos - restLagNanos);
        }
    }

    /** Sends the held answers whose time has come. */
    void tick(long nowNanos) {
        for (Iterator<Held> answers = held.iterator(); answers.hasNext(); ) {
            Held answer = answers.next();
            if (nowNanos >= answer.releaseNanos()) {
                answers.remove();
                answer.send().run();
            }
        }
    }

    private Optional<Venue> venue(String path) {
        return venuesByPath.entrySet().stream().filter(entry -> path.startsWith(entry.getKey() + "/"))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The venue's market as it is. */
    private class Truth implements MarketView {

        final Venue venue;

        Truth(Venue venue) {
            this.venue = venue;
        }

        @Override
        public List<Instrument> instruments() {
            return market.instruments(venue.name());
        }

        @Override
        public Optional<Instrument> instrument(String venueSymbol) {
            return instruments().stream().filter(instrument -> venue.symbol(instrument).equals(venueSymbol))
                    .findFirst();
        }

        @Override
        public OrderBook book(Instrument instrument) {
            return market.book(venue.name(), instrument);
        }

        @Override
        public long updateId(Instrument instrument) {
            return market.updateId(venue.name(), instrument);
        }
    }

    /** The venue's market as it was {@value #STALE_STEPS} steps ago. */
    private final class Lagging extends Truth {

        Lagging(Venue venue) {
            super(venue);
        }

        @Override
        public OrderBook book(Instrument instrument) {
            return lagging.get(venue.name()).get(instrument).book;
        }

        @Override
        public long updateId(Instrument instrument) {
            return lagging.get(venue.name()).get(instrument).updateId;
        }
    }

    /** The venue's market as it was the lag before {@code nowNanos}. */
    private final class Delayed extends Truth {

        private final long untilNanos;

        Delayed(Venue venue, long nowNanos) {
            super(venue);
            this.untilNanos = nowNanos - restLagNanos;
        }

        @Override
        public OrderBook book(Instrument instrument) {
            return caughtUp(instrument).book;
        }

        @Override
        public long updateId(Instrument instrument) {
            return caughtUp(instrument).updateId;
        }

        /** The copy, with the steps that are now the lag old taken: the market may not have moved since the last. */
        private LaggingBook caughtUp(Instrument instrument) {
            LaggingBook book = delayed.get(venue.name()).get(instrument);
            book.catchUp(Integer.MAX_VALUE, untilNanos);
            return book;
        }
    }

    /** A copy of a truth book that takes each change some steps, or some time, after the truth. */
    private static final class LaggingBook {

        private final OrderBook book;
        private final ArrayDeque<Step> pending = new ArrayDeque<>();
        private long updateId;

        LaggingBook(OrderBook truth, long updateId) {
            this.book = truth.copy();
            this.updateId = updateId;
        }

        void onChanges(List<Level> changes, long nowNanos) {
            pending.add(new Step(nowNanos, changes));
        }

        /**
         * Takes the oldest steps while more than {@code steps} wait, or the oldest came no later than {@code untilNanos}:
         * a copy that lags by steps passes {@link Long#MIN_VALUE}, one that lags by time {@link Integer#MAX_VALUE}.
         */
        void catchUp(int steps, long untilNanos) {
            while (!pending.isEmpty() && (pending.size() > steps || pending.peek().nanos() <= untilNanos)) {
                List<Level> oldest = pending.poll().changes();
                oldest.forEach(change -> book.set(change.side(), change.price(), change.size()));
                updateId += oldest.size();
            }
        }

        /** One step of the truth, and when it happened. */
        private record Step(long nanos, List<Level> changes) {
        }
    }
}
