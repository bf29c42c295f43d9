package dev.sweep.venue.okx;

import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.venue.okx.OkxProxy.Ids;
import dev.sweep.venue.server.DepthSubscription;
import dev.sweep.venue.server.DepthSubscriptions;
import dev.sweep.venue.server.DepthView;
import dev.sweep.venue.server.RequestReader;
import dev.sweep.venue.server.RequestReader.MalformedRequestException;
import dev.sweep.venue.server.ServerContext;
import dev.sweep.venue.server.ServerSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OKX v5 public, server side: {@code subscribe} to {@code books} answers an ack and a 400-level snapshot per
 * instrument (none in the mode OKX announced, where the book comes from REST, {@link OkxSnapshots}), then updates
 * whose {@code prevSeqId} is the last {@code seqId} (ids jump by the changes between messages), with the checksum
 * field 0 as OKX sends it since June 2026; after 60 s without a change, a message that changes nothing
 * ({@code seqId == prevSeqId}). The text {@code ping} gets {@code pong}; a connection OKX has sent nothing for 30 s
 * is closed. Faults: a lost update leaves a {@code prevSeqId} the client never saw; a bad check sends a wrong non-zero
 * checksum; a restart sends an update whose {@code seqId} falls below its {@code prevSeqId}, as after maintenance.
 */
final class OkxServerSession implements ServerSession {

    private static final long IDLE_NANOS = 30_000_000_000L;
    private static final long NO_CHANGE_NANOS = 60_000_000_000L;

    /** One {@code {"channel":…,"instId":…}} of a request. */
    private record Arg(String channel, String instId) {
    }

    /** The fields of a request OKX looks at. */
    private static final class Request {
        String id = "";
        String op = "";
        List<Arg> args = new ArrayList<>();
    }

    private final ServerContext context;
    /** Whether a subscription starts with the book's snapshot, or (as OKX announced) with updates only. */
    private final boolean inBandSnapshot;
    private final OkxProxy proxy = new OkxProxy();
    private final DepthSubscriptions subscriptions = new DepthSubscriptions();
    private String connectionId = "";

    OkxServerSession(ServerContext context, boolean inBandSnapshot) {
        this.context = context;
        this.inBandSnapshot = inBandSnapshot;
    }

    @Override
    public void onOpen(long nowNanos) {
        connectionId = String.format("%08x", Math.floorMod(context.randomLong(), 1L << 32));
    }

    @Override
    public void onRequest(String text, long nowNanos) {
        if (text.equals("ping")) {
            context.send("pong");
            return;
        }
        Request request = new Request();
        try {
            RequestReader.read(text, (name, value) -> {
                switch (name) {
                    case "id" -> request.id = RequestReader.string(value);
                    case "op" -> request.op = RequestReader.string(value);
                    case "args" -> RequestReader.array(value, (ignored, item) -> {
                        String[] arg = {"", ""};
                        RequestReader.object(item, (field, fieldValue) -> {
                            switch (field) {
                                case "channel" -> arg[0] = RequestReader.string(fieldValue);
                                case "instId" -> arg[1] = RequestReader.string(fieldValue);
                                default -> fieldValue.skipChildren();
                            }
                        });
                        request.args.add(new Arg(arg[0], arg[1]));
                    });
                    default -> value.skipChildren();
                }
            });
        } catch (MalformedRequestException e) {
            context.send(proxy.error("", "60012", "Invalid request: " + text, connectionId));
            return;
        }
        if (!request.op.equals("subscribe") || request.args.isEmpty()) {
            context.send(proxy.error(request.id, "60012", "Invalid request: " + text, connectionId));
            return;
        }
        for (Arg arg : request.args) {
            subscribe(request.id, arg, nowNanos);
        }
    }

    private void subscribe(String requestId, Arg arg, long nowNanos) {
        Optional<Instrument> listed = context.instrument(arg.instId());
        if (!arg.channel().equals(OkxVenue.CHANNEL) || listed.isEmpty()) {
            context.send(proxy.error(requestId, "60018", "Wrong URL or channel:" + arg.channel() + ",instId:"
                    + arg.instId() + " doesn't exist. Please use the correct URL, channel and parameters referring to"
                    + " API document.", connectionId));
            return;
        }
        Instrument instrument = listed.get();
        DepthSubscription subscription = new DepthSubscription(arg.instId(), arg.instId(),
                new DepthView(context.book(instrument), OkxVenue.DEPTH), context.updateId(instrument), nowNanos);
        subscriptions.put(instrument, subscription);
        context.send(proxy.subscribed(requestId, arg.channel(), arg.instId(), connectionId));
        if (inBandSnapshot) {
            context.send(proxy.snapshot(arg.instId(), subscription.view().book(), new Ids(-1, subscription.id(), 0),
                    nowNanos / 1_000_000L));
        }
    }

    @Override
    public void onBookChange(Instrument instrument, List<Level> changes, long nowNanos) {
        subscriptions.follow(instrument, changes, context, (subscription, visible) -> {
            long previous = subscription.id();
            // The book's change count: it rises by the changes since the last message (some beyond the 400 levels,
            // so ids jump), and is the id the REST snapshot of the same book carries, as OKX's seqId is per
            // instrument.
            long next = context.updateId(instrument);
            switch (context.nextFault()) {
                case LOST -> subscription.id(next); // an update the client never sees: the next one chains to it
                case BAD_CHECK -> send(subscription, visible, new Ids(previous, next,
                        OkxChecksum.of(subscription.view().book()) ^ 1), nowNanos);
                case RESTART -> send(subscription, visible, new Ids(previous, 1 + Math.floorMod(context.randomLong(),
                        Math.max(1, previous - 1)), 0), nowNanos);
                default -> send(subscription, visible, new Ids(previous, next, 0), nowNanos);
            }
        });
    }

    private void send(DepthSubscription subscription, List<Level> changes, Ids ids, long nowNanos) {
        subscription.sent(ids.id(), nowNanos);
        context.send(proxy.update(subscription.topic(), changes, subscription.view().book().instrument(), ids,
                nowNanos / 1_000_000L));
    }

    @Override
    public void onTimer(long nowNanos) {
        for (DepthSubscription subscription : subscriptions.all()) {
            if (nowNanos - subscription.lastSentNanos() >= NO_CHANGE_NANOS) {
                send(subscription, List.of(), new Ids(subscription.id(), subscription.id(), 0), nowNanos);
            }
        }
        if (nowNanos - context.lastSentNanos() > IDLE_NANOS) {
            context.close(); // the client sent no ping, so OKX had nothing to send for 30 s
        }
    }
}
