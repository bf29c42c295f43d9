package dev.sweep.venue;

import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.venue.server.RestAnswer;
import dev.sweep.venue.server.ServerContext;
import dev.sweep.venue.server.ServerSession;
import dev.sweep.venue.server.UpdateFault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A venue's server side driven directly, with no network: it holds the truth books, hands the venue's dialect the
 * requests, changes and time a test chooses, applies the fault the test sets, and returns the frames the dialect
 * sent. The server half of a round trip whose client half is a {@link VenueHarness}; as time passes, it plays the
 * client's pings as a feed sends them ({@link KeepAlive#pingDue}), unless told the client does not keep alive.
 */
public final class DialectHarness implements ServerContext {

    /** When every harness's clock starts. */
    public static final Instant START = Instant.parse("2026-11-27T12:00:00Z");

    private final Venue venue;
    private final Map<Instrument, OrderBook> truth = new LinkedHashMap<>();
    private final Map<Instrument, Long> updateIds = new LinkedHashMap<>();
    private final List<String> sent = new ArrayList<>();
    private ServerSession session;
    private UpdateFault fault = UpdateFault.NONE;
    private long nowNanos = START.getEpochSecond() * 1_000_000_000L;
    private long lastSentNanos = nowNanos;
    private long random = 42;
    private boolean closed;
    private boolean clientPings = true;
    private long lastPingNanos = Long.MIN_VALUE;

    /** A venue listing {@code symbols}, with empty books; call {@link #connect} before anything else. */
    public DialectHarness(Venue venue, String... symbols) {
        this.venue = venue;
        for (String symbol : symbols) {
            Instrument instrument = Instrument.of(symbol);
            truth.put(instrument, new OrderBook(venue.name(), instrument, 2));
        }
    }

    public Venue venue() {
        return venue;
    }

    /** The venue's own book of a listed instrument; change it through {@link #change} once a client subscribed. */
    public OrderBook truth(Instrument instrument) {
        return truth.get(instrument);
    }

    /** A new client connection (the last one is forgotten): returns what the venue sends when it opens. */
    public List<String> connect() {
        session = venue.newServerSession(this);
        closed = false;
        lastSentNanos = nowNanos;
        session.onOpen(nowNanos);
        return drain();
    }

    /** The client's text frame: returns the venue's answer. */
    public List<String> request(String text) {
        session.onRequest(text, nowNanos);
        return drain();
    }

    /** The venue's own subscribe messages for these instruments, sent in turn: returns every answer. */
    public List<String> subscribe(List<Instrument> instruments) {
        List<String> answers = new ArrayList<>();
        for (String message : venue.subscribeMessages(instruments)) {
            answers.addAll(request(message));
        }
        return answers;
    }

    /** Sets these levels in the truth, in order (size 0 deletes), and returns what the venue sends about it. */
    public List<String> change(Instrument instrument, List<Level> changes) {
        OrderBook book = truth.get(instrument);
        changes.forEach(change -> book.set(change.side(), change.price(), change.size()));
        updateIds.merge(instrument, (long) changes.size(), Long::sum);
        session.onBookChange(instrument, changes, nowNanos);
        return drain();
    }

    /** The venue's REST answer to its snapshot request for the instrument, from the truth as it is now. */
    public RestAnswer snapshot(Instrument instrument) {
        RestSnapshots rest = venue.restSnapshots()
                .orElseThrow(() -> new IllegalStateException(venue.name() + " has no REST snapshots"));
        return rest.answer(rest.request(instrument), this, nowNanos);
    }

    /**
     * Lets time pass and returns what the venue sends meanwhile (heartbeats, pongs): first the client's ping, when its
     * venue's rule wants one by then, then the venue's timer.
     */
    public List<String> advance(Duration duration) {
        nowNanos += duration.toNanos();
        KeepAlive keepAlive = venue.descriptor().keepAlive();
        if (clientPings && !closed && keepAlive.pingDue(Math.max(lastSentNanos, lastPingNanos), nowNanos)) {
            lastPingNanos = nowNanos;
            session.onRequest(keepAlive.message(), nowNanos);
        }
        session.onTimer(nowNanos);
        return drain();
    }

    /** The client sends no pings from now on, whatever its venue's rule: a client that does not keep alive. */
    public DialectHarness withoutPings() {
        clientPings = false;
        return this;
    }

    /** The next update the venue sends carries this fault. */
    public void failNext(UpdateFault fault) {
        this.fault = fault;
    }

    /** Whether the venue closed the connection. */
    public boolean isClosed() {
        return closed;
    }

    private List<String> drain() {
        List<String> frames = List.copyOf(sent);
        sent.clear();
        return frames;
    }

    // ServerContext, for the dialect.

    @Override
    public List<Instrument> instruments() {
        return List.copyOf(truth.keySet());
    }

    @Override
    public Optional<Instrument> instrument(String venueSymbol) {
        return truth.keySet().stream().filter(instrument -> venue.symbol(instrument).equals(venueSymbol)).findFirst();
    }

    @Override
    public OrderBook book(Instrument instrument) {
        return truth.get(instrument);
    }

    @Override
    public long updateId(Instrument instrument) {
        return updateIds.getOrDefault(instrument, 0L);
    }

    @Override
    public void send(String frame) {
        if (!closed) {
            sent.add(frame);
            lastSentNanos = nowNanos;
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public UpdateFault nextFault() {
        UpdateFault next = fault;
        fault = UpdateFault.NONE;
        return next;
    }

    @Override
    public long lastSentNanos() {
        return lastSentNanos;
    }

    @Override
    public long randomLong() {
        return random++;
    }
}
