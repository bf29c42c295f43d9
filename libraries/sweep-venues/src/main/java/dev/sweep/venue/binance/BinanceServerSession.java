package dev.sweep.venue.binance;

import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.venue.server.RequestReader;
import dev.sweep.venue.server.RequestReader.MalformedRequestException;
import dev.sweep.venue.server.ServerContext;
import dev.sweep.venue.server.ServerSession;
import dev.sweep.venue.server.UpdateFault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Binance's WebSocket market streams at {@code /ws}, server side: {@code SUBSCRIBE}, {@code UNSUBSCRIBE} and
 * {@code LIST_SUBSCRIPTIONS} answered as documented ({@code {"result":null,"id":1}}, or an error of the documented
 * table), then a {@code depthUpdate} per change of each subscribed book, numbered with the book's update ids. No
 * snapshot: that is the REST side's ({@link BinanceSnapshots}). A lost update is simply not sent, so the next event's
 * {@code U} jumps past the last {@code u}, as a break in the chain shows on Binance.
 *
 * <p>Two things differ from the venue, both because a dialect writes text frames only: Binance keeps a connection
 * alive with a WebSocket ping every 20 s (which Netty answers), and a book that does not change sends nothing; here a
 * subscribed connection quiet for 1 s gets {@code {"e":"heartbeat"}} instead, so that the client tells a quiet book
 * from a dead connection as it would by the pings. And Binance documents no answer to an unknown symbol; here it is
 * refused with an error of the documented shape, so that the book is rejected with a reason.
 */
final class BinanceServerSession implements ServerSession {

    private static final long HEARTBEAT_NANOS = 1_000_000_000L;
    /** "A single connection can listen to a maximum of 1024 streams." */
    private static final int MAX_STREAMS = 1024;
    private static final String METHODS = "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`,"
            + " `GET_PROPERTY`";

    /** The fields of a request the venue looks at. */
    private static final class Request {
        String method;
        List<String> params = List.of();
        long id = -1;
    }

    private final BinanceVenue venue;
    private final ServerContext context;
    private final BinanceProxy proxy = new BinanceProxy();
    /** The subscribed streams, by instrument ({@code btcusdt@depth@100ms}). */
    private final Map<Instrument, String> streams = new LinkedHashMap<>();

    BinanceServerSession(BinanceVenue venue, ServerContext context) {
        this.venue = venue;
        this.context = context;
    }

    @Override
    public void onOpen(long nowNanos) {
        // Nothing until the client subscribes.
    }

    @Override
    public void onRequest(String text, long nowNanos) {
        Request request = new Request();
        try {
            RequestReader.read(text, (name, value) -> {
                switch (name) {
                    case "method" -> request.method = RequestReader.string(value);
                    case "params" -> request.params = RequestReader.strings(value);
                    case "id" -> request.id = RequestReader.count(value, -1);
                    default -> value.skipChildren();
                }
            });
        } catch (MalformedRequestException e) {
            context.send(proxy.error(3, "Invalid JSON: " + e.getMessage(), -1));
            return;
        }
        if (request.method == null) {
            context.send(proxy.error(2, "Invalid request: missing field `method`", request.id));
        } else if (request.params.size() > MAX_STREAMS) {
            context.send(proxy.error(2, "Invalid request: too many parameters", request.id));
        } else {
            switch (request.method) {
                case "SUBSCRIBE" -> subscribe(request);
                case "UNSUBSCRIBE" -> unsubscribe(request);
                case "LIST_SUBSCRIPTIONS" -> context.send(proxy.subscriptions(List.copyOf(streams.values()),
                        request.id));
                default -> context.send(proxy.error(2, "Invalid request: unknown variant `" + request.method
                        + "`, expected one of " + METHODS, request.id));
            }
        }
    }

    private void subscribe(Request request) {
        Map<Instrument, String> asked = new LinkedHashMap<>();
        for (String stream : request.params) {
            Optional<Instrument> instrument = instrument(stream);
            if (instrument.isEmpty()) {
                context.send(proxy.error(2, "Invalid request: unknown stream " + stream, request.id));
                return;
            }
            asked.put(instrument.get(), stream);
        }
        streams.putAll(asked);
        context.send(proxy.ack(request.id));
    }

    private void unsubscribe(Request request) {
        for (String stream : request.params) {
            instrument(stream).ifPresent(streams::remove);
        }
        context.send(proxy.ack(request.id));
    }

    /** The listed instrument of a diff depth stream ({@code btcusdt@depth@100ms}, or {@code btcusdt@depth}). */
    private Optional<Instrument> instrument(String stream) {
        int at = stream.indexOf('@');
        String rest = at < 0 ? "" : stream.substring(at);
        String symbol = at < 0 ? "" : stream.substring(0, at);
        if (!(rest.equals("@depth@100ms") || rest.equals("@depth")) || !symbol.equals(symbol.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return context.instrument(symbol.toUpperCase(Locale.ROOT));
    }

    @Override
    public void onBookChange(Instrument instrument, List<Level> changes, long nowNanos) {
        if (!streams.containsKey(instrument) || changes.isEmpty() || context.nextFault() == UpdateFault.LOST) {
            return;
        }
        long last = context.updateId(instrument);
        context.send(proxy.depthUpdate(venue.symbol(instrument), instrument, changes, last - changes.size() + 1, last,
                nowNanos / 1_000_000));
    }

    @Override
    public Optional<String> closeAnnouncement(long nowNanos) {
        return Optional.of(proxy.serverShutdown(nowNanos / 1_000_000));
    }

    @Override
    public void onTimer(long nowNanos) {
        if (!streams.isEmpty() && nowNanos - context.lastSentNanos() >= HEARTBEAT_NANOS) {
            context.send(proxy.heartbeat());
        }
    }
}
