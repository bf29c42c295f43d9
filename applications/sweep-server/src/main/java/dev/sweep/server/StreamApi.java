package dev.sweep.server;

import dev.sweep.report.Durations;
import dev.sweep.report.UserInputException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code /api/v1/stream}: a WebSocket that receives one sweep document per refresh, the document of
 * {@code /api/v1/sweep} for the same parameters (and {@code interval}, default 1 s). The request is checked before
 * the upgrade, so a bad one gets the same 400 as the sweep; a client too slow to read misses refreshes rather than
 * piling them up; at most {@value #MAX_CLIENTS} clients at once.
 */
final class StreamApi {

    static final List<String> PARAMETERS = List.of("side", "qty", "quote", "symbol", "venues", "fee", "convert",
            "interval");
    static final int MAX_CLIENTS = 100;
    static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    private static final String DEFAULT_INTERVAL = "1s";
    /** Close code for "the server cannot go on" (RFC 6455 §7.4.1: 1011, an unexpected condition). */
    private static final short SERVER_ERROR = 1011;

    private final SweepApi api;
    private final ServerMetrics metrics;
    private final AtomicInteger clients = new AtomicInteger();

    StreamApi(SweepApi api, ServerMetrics metrics) {
        this.api = api;
        this.metrics = metrics;
    }

    void handle(RoutingContext context) {
        SweepApi.SweepRequest request;
        Duration interval;
        try {
            Query query = new Query(ApiVerticle.queryParams(context), PARAMETERS);
            request = SweepApi.SweepRequest.of(query, api.source());
            interval = interval(query);
        } catch (ApiException problem) {
            Answer.of(problem).send(context.response());
            return;
        }
        if (clients.incrementAndGet() > MAX_CLIENTS) {
            clients.decrementAndGet();
            Answer.error(503, "the stream has " + MAX_CLIENTS + " clients already", null).send(context.response());
            return;
        }
        Context loop = Vertx.currentContext();
        context.request().toWebSocket()
                .onSuccess(socket -> new Subscription(context.vertx(), loop, socket, request, interval).start())
                .onFailure(failure -> {
                    clients.decrementAndGet();
                    Answer.error(400, "/api/v1/stream is a WebSocket: connect with ws://", null)
                            .send(context.response());
                });
    }

    private static Duration interval(Query query) {
        String text = query.optional("interval");
        Duration interval;
        try {
            interval = Durations.parse("interval", text == null ? DEFAULT_INTERVAL : text);
        } catch (UserInputException e) {
            throw ApiException.badRequest("interval", e.getMessage());
        }
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw ApiException.badRequest("interval", "interval must be at least " + MIN_INTERVAL.toMillis() + "ms");
        }
        return interval;
    }

    /** One client: a timer on its event loop, a sweep per tick unless the last one is still being computed. */
    private final class Subscription {

        private final Vertx vertx;
        private final Context loop;
        private final ServerWebSocket socket;
        private final SweepApi.SweepRequest request;
        private final Duration interval;
        private long timer;
        private boolean busy;

        Subscription(Vertx vertx, Context loop, ServerWebSocket socket, SweepApi.SweepRequest request,
                     Duration interval) {
            this.vertx = vertx;
            this.loop = loop;
            this.socket = socket;
            this.request = request;
            this.interval = interval;
        }

        void start() {
            metrics.streamOpened();
            // What a client sends is not read: the stream only pushes.
            socket.handler(ignored -> { });
            socket.closeHandler(ignored -> {
                vertx.cancelTimer(timer);
                clients.decrementAndGet();
                metrics.streamClosed();
            });
            timer = vertx.setPeriodic(1, interval.toMillis(), ignored -> push());
        }

        private void push() {
            if (busy || socket.isClosed() || socket.writeQueueFull()) {
                return;
            }
            busy = true;
            api.swept(request).whenComplete((swept, failure) ->
                    loop.runOnContext(ignored -> {
                        busy = false;
                        if (socket.isClosed()) {
                            return;
                        }
                        if (failure == null) {
                            socket.writeTextMessage(api.sweep(request, swept).body().stripTrailing());
                        } else {
                            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                    ? failure.getCause() : failure;
                            socket.writeTextMessage(Answer.error(503, String.valueOf(cause.getMessage()), null).body()
                                    .stripTrailing());
                        }
                    }));
        }
    }
}
