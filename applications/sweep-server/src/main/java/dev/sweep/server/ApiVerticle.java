package dev.sweep.server;

import dev.sweep.report.VenueTexts;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event loop's share of the HTTP server: the routes, each answering with a JSON document, and the page. Every
 * failure becomes a JSON answer; an unexpected one is logged with its stack trace and answered 500 without it.
 */
final class ApiVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger("sweep.sweep");
    /** Longest request line: a query of every parameter at its longest fits. */
    static final int MAX_REQUEST_LINE = 4096;
    static final int MAX_HEADERS = 8192;

    private final ServerConfig config;
    private final SweepApi api;
    private final StreamApi stream;
    private final ServerMetrics metrics;
    private final PageAssets page;
    private final AtomicInteger boundPort;

    /**
     * @param boundPort set to the port bound, once listening (the free port chosen for port 0)
     */
    ApiVerticle(ServerConfig config, SweepApi api, StreamApi stream, ServerMetrics metrics, PageAssets page,
                AtomicInteger boundPort) {
        this.config = config;
        this.api = api;
        this.stream = stream;
        this.metrics = metrics;
        this.page = page;
        this.boundPort = boundPort;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        ServerMetrics.Endpoint sweep = metrics.endpoint("sweep");
        ServerMetrics.Endpoint curve = metrics.endpoint("curve");
        ServerMetrics.Endpoint depth = metrics.endpoint("depth");
        ServerMetrics.Endpoint health = metrics.endpoint("health");
        ServerMetrics.Endpoint books = metrics.endpoint("books");
        ServerMetrics.Endpoint scrape = metrics.endpoint("metrics");
        router.route().handler(context -> {
            if (context.request().method() == HttpMethod.GET) {
                context.next();
            } else {
                Answer.error(405, "only GET is served", null).send(context.response().putHeader("Allow", "GET"));
            }
        });
        router.get("/api/v1/sweep").handler(context -> answer(context, sweep, SweepApi.SWEEP_PARAMETERS,
                query -> api.sweep(query, String.valueOf(context.request().query()))));
        router.get("/api/v1/curve").handler(context -> answer(context, curve, SweepApi.CURVE_PARAMETERS,
                api::curve));
        router.get("/api/v1/depth").handler(context -> answer(context, depth, SweepApi.DEPTH_PARAMETERS,
                api::depth));
        router.get("/api/v1/health").handler(context -> answer(context, health, List.of(), query -> api.health()));
        router.get("/api/v1/books/:venue/:symbol").handler(context -> answer(context, books, SweepApi.BOOK_PARAMETERS,
                query -> api.book(context.pathParam("venue"), context.pathParam("symbol"), query)));
        router.get("/api/v1/stream").handler(stream::handle);
        router.get("/metrics").handler(context -> answer(context, scrape, List.of(), query -> api.metrics()));
        router.get().handler(page);
        router.errorHandler(404, context -> Answer.error(404, "no such resource: " + Query.abbreviate(
                context.request().path()) + " (the API is under /api/v1/, the page at /)", null)
                .send(context.response()));
        router.errorHandler(500, context -> {
            LOG.error("internal error answering {}", context.request().uri(), context.failure());
            Answer.error(500, "internal error", null).send(context.response());
        });
        // A negative port makes every instance share one free port.
        int port = config.port() == 0 ? -1 : config.port();
        return vertx.createHttpServer(new HttpServerOptions()
                        .setHost(config.host())
                        .setMaxInitialLineLength(MAX_REQUEST_LINE)
                        .setMaxHeaderSize(MAX_HEADERS)
                        .setMaxWebSocketFrameSize(MAX_REQUEST_LINE)
                        .setMaxWebSocketMessageSize(MAX_REQUEST_LINE)
                        // Without, every connection carries a WebSocket extension handler that each HTTP request and
                        // answer passes through; the stream's one document a refresh goes uncompressed instead.
                        .setPerMessageWebSocketCompressionSupported(false)
                        .setPerFrameWebSocketCompressionSupported(false)
                        .setCompressionSupported(true))
                .requestHandler(router)
                .invalidRequestHandler(ApiVerticle::invalidRequest)
                .listen(port)
                .onSuccess(server -> boundPort.set(server.actualPort()));
    }

    /**
     * Answers a request the HTTP decoder could not read with the status Vert.x would send (414, 431, else 400), but
     * with a JSON error like every other answer rather than an empty body; the connection closes after it.
     */
    private static void invalidRequest(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        Answer answer;
        if (cause instanceof TooLongHttpLineException) {
            answer = Answer.error(414, "request line longer than " + MAX_REQUEST_LINE + " bytes", null);
        } else if (cause instanceof TooLongHttpHeaderException) {
            answer = Answer.error(431, "request headers larger than " + MAX_HEADERS + " bytes", null);
        } else {
            answer = Answer.error(400, "malformed HTTP request", null);
        }
        answer.send(request.response());
    }

    /**
     * Checks the request's parameters, then sends what the endpoint answers once computed, on this event loop, and
     * counts it under {@code endpoint}. Nearly every request finds its copies of the books taken already: it is then
     * answered at once, while its connection is being read, so that the answers to requests that arrived together
     * leave together, in one write.
     */
    private void answer(RoutingContext context, ServerMetrics.Endpoint endpoint, List<String> parameters,
                        Function<Query, CompletableFuture<Answer>> compute) {
        long start = System.nanoTime();
        CompletableFuture<Answer> answer;
        try {
            answer = compute.apply(new Query(queryParams(context), parameters));
        } catch (ApiException problem) {
            send(context, endpoint, start, Answer.of(problem));
            return;
        }
        if (answer.isDone()) {
            finish(context, endpoint, start, answer);
        } else {
            Context loop = Vertx.currentContext();
            answer.whenComplete((result, failure) -> loop.runOnContext(ignored -> finish(context, endpoint, start,
                    answer)));
        }
    }

    /** Sends a computed answer, or the answer to its failure. */
    private void finish(RoutingContext context, ServerMetrics.Endpoint endpoint, long start,
                        CompletableFuture<Answer> answer) {
        Answer result;
        try {
            result = answer.join();
        } catch (CompletionException failure) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof ApiException problem) {
                send(context, endpoint, start, Answer.of(problem));
            } else if (cause instanceof IllegalStateException) {
                // A feed that does not answer: the books cannot be read now.
                send(context, endpoint, start, Answer.error(503, cause.getMessage(), null));
            } else {
                endpoint.answered(500, start);
                context.fail(cause);
            }
            return;
        }
        send(context, endpoint, start, result);
    }

    private void send(RoutingContext context, ServerMetrics.Endpoint endpoint, long start, Answer answer) {
        answer.send(context.response());
        endpoint.answered(answer.status(), start);
    }

    static MultiMap queryParams(RoutingContext context) {
        try {
            return context.queryParams();
        } catch (RuntimeException e) {
            // Most often a bare % (fee=kraken:0.26%): in a URL it starts an escape, and is itself written %25.
            throw ApiException.badRequest(null, "malformed query string (write % as %25, e.g. fee="
                    + VenueTexts.example() + ":0.26%25): " + Query.abbreviate(String.valueOf(e.getMessage())));
        }
    }
}
