package dev.sweep.bench;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.report.bookfile.BookFile;
import dev.sweep.server.FileBooks;
import dev.sweep.server.ServerConfig;
import dev.sweep.server.SweepServer;
import dev.sweep.venue.Venues;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * {@code /api/v1/sweep} under load on loopback: the server over three 1,000-level books, and a load client (Vert.x's
 * HTTP client on one event loop, keep-alive connections, a fixed number of requests in flight) sweeping 15 BTC as fast
 * as the answers come. Reports requests per second and the latency from sending a request to reading its whole answer,
 * for the sweep and, first, for {@code /api/v1/health} in the same run: the baseline of the HTTP stack, the book
 * copies and a small JSON answer, without the sweep. Only answers with status 200 count; any other is a failure.
 *
 * <p>Run from the repository root: {@code java -cp tests/sweep-bench/target/benchmarks.jar
 * dev.sweep.bench.ServeLoadBench [SECONDS] [IN_FLIGHT]} (each endpoint is warmed up for up to 3 s, then measured for
 * SECONDS).
 */
public final class ServeLoadBench {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final int LEVELS = 1_000;
    private static final String PATH = "/api/v1/sweep?side=sell&qty=15";
    private static final String BASELINE = "/api/v1/health";
    private static final int WARM_UP_SECONDS = 3;

    private ServeLoadBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        System.out.println(run(seconds, inFlight));
    }

    static String run(int seconds, int inFlight) throws IOException, InterruptedException {
        Path file = Files.createTempFile("sweep-load", ".json");
        Vertx client = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try {
            // Three books, as many as the sweep benchmarks use, named after the first registered venues.
            List<String> venues = Venues.names().subList(0, 3);
            Files.writeString(file, BookFile.write(List.of(book(venues.get(0), 1), book(venues.get(1), 2),
                    book(venues.get(2), 3)), Integer.MAX_VALUE));
            try (SweepServer server = SweepServer.start(ServerConfig.on(ServerConfig.LOOPBACK, 0),
                    FileBooks.read(file, List.of(), List.of()))) {
                HttpClientAgent http = client.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                        .setDefaultHost(ServerConfig.LOOPBACK).setDefaultPort(server.uri().getPort()),
                        new PoolOptions().setHttp1MaxSize(inFlight));
                Measured baseline = measure(http, BASELINE, seconds, inFlight, 0);
                Measured sweep = measure(http, PATH, seconds, inFlight, baseline.rate());
                return String.format(Locale.ROOT, "%s on loopback over three %,d-level books, %d s, %d in flight:%n"
                        + "- baseline %s%n- %s", PATH, LEVELS, seconds, inFlight, baseline.line(), sweep.line());
            }
        } finally {
            client.close().toCompletionStage().toCompletableFuture().join();
            Files.deleteIfExists(file);
        }
    }

    /**
     * Warms the endpoint up, loads it for {@code seconds} and describes the result in one line, with the ratio of its
     * requests per second to {@code baselineRate} unless that is 0.
     */
    private static Measured measure(HttpClientAgent http, String path, int seconds, int inFlight, double baselineRate)
            throws InterruptedException {
        new Load(http, path, inFlight, TimeUnit.SECONDS.toNanos(Math.min(WARM_UP_SECONDS, seconds))).await();
        Load load = new Load(http, path, inFlight, TimeUnit.SECONDS.toNanos(seconds));
        load.await();
        Histogram latency = load.latency.getIntervalHistogram();
        double rate = (double) latency.getTotalCount() / seconds;
        return new Measured(rate, String.format(Locale.ROOT, "%s: %,.0f requests/s (%,d failed)%s; latency (ms): p50 %.2f, p90 %.2f,"
                        + " p99 %.2f, p99.9 %.2f, max %.2f", path, rate, load.failed.get(),
                baselineRate > 0 ? String.format(Locale.ROOT, ", %.2f× the baseline's", rate / baselineRate) : "",
                millis(latency, 50), millis(latency, 90), millis(latency, 99), millis(latency, 99.9),
                latency.getMaxValue() / 1e6));
    }

    /** One endpoint's requests per second, and the line describing its run. */
    private record Measured(double rate, String line) {
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    /** A book of {@value #LEVELS} levels a side around 67,000, one tick apart, seeded sizes. */
    private static OrderBook book(String venue, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        OrderBook book = new OrderBook(venue, BTC_USD, 2);
        long tick = BTC_USD.parsePrice("0.01");
        long mid = BTC_USD.parsePrice("67000");
        for (int i = 1; i <= LEVELS; i++) {
            book.set(Side.BID, mid - i * tick, BTC_USD.parseSize(String.format(Locale.ROOT, "%.4f",
                    0.01 + random.nextDouble(2))));
            book.set(Side.ASK, mid + i * tick, BTC_USD.parseSize(String.format(Locale.ROOT, "%.4f",
                    0.01 + random.nextDouble(2))));
        }
        return book;
    }

    /** {@code inFlight} chains of requests, each sending the next when its answer is read, until the deadline. */
    private static final class Load {

        private final HttpClientAgent http;
        private final String path;
        private final long deadline;
        private final Recorder latency = new Recorder(TimeUnit.SECONDS.toNanos(10), 3);
        private final AtomicLong failed = new AtomicLong();
        private final CountDownLatch done;

        Load(HttpClientAgent http, String path, int inFlight, long nanos) {
            this.http = http;
            this.path = path;
            this.deadline = System.nanoTime() + nanos;
            this.done = new CountDownLatch(inFlight);
            for (int i = 0; i < inFlight; i++) {
                next();
            }
        }

        private void next() {
            long start = System.nanoTime();
            if (start >= deadline) {
                done.countDown();
                return;
            }
            http.request(HttpMethod.GET, path)
                    .compose(request -> request.send()
                            .compose(response -> response.body().map(body -> response.statusCode())))
                    .onComplete(answer -> {
                        if (answer.succeeded() && answer.result() == 200) {
                            latency.recordValue(System.nanoTime() - start);
                        } else {
                            failed.incrementAndGet();
                        }
                        next();
                    });
        }

        void await() throws InterruptedException {
            done.await();
        }
    }
}
