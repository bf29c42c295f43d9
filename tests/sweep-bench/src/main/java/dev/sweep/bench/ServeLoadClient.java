package dev.sweep.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load client of {@link ServeLoadBench}, run in a JVM of its own so that its heap, collector and compiler threads
 * are not the server's: Vert.x's HTTP client on one event loop, keep-alive connections, each carrying up to
 * {@code PIPELINED} requests at once, as many chains of requests as fit, each sending the next when its answer is
 * read. Loads one path for {@code WARM_UP} seconds, then for {@code SECONDS}, and prints one line: the answers with
 * status 200, those with any other status or none, and the histogram of their latencies in nanoseconds (from sending a
 * request to reading its whole answer), compressed and in Base64.
 *
 * <p>Arguments: {@code HOST PORT PATH WARM_UP SECONDS CONNECTIONS PIPELINED}. A path holding {@link #COUNTER} is
 * asked with a new number in its place each time, so that no two requests in a row are the same query.
 */
public final class ServeLoadClient {

    /** Replaced by a number from 1 to 999,999, a new one for each request. */
    static final String COUNTER = "{n}";

    private static final long REQUEST_TIMEOUT_MILLIS = 10_000;

    private ServeLoadClient() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String path = args[2];
        long warmUp = TimeUnit.SECONDS.toNanos(Integer.parseInt(args[3]));
        long measured = TimeUnit.SECONDS.toNanos(Integer.parseInt(args[4]));
        int connections = Integer.parseInt(args[5]);
        int pipelined = Integer.parseInt(args[6]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try {
            HttpClientAgent http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                            .setPipelining(pipelined > 1).setPipeliningLimit(pipelined)
                            .setDefaultHost(host).setDefaultPort(port),
                    new PoolOptions().setHttp1MaxSize(connections));
            int inFlight = connections * pipelined;
            new Load(http, path, inFlight, warmUp).await();
            Load load = new Load(http, path, inFlight, measured);
            load.await();
            Histogram latency = load.latency.getIntervalHistogram();
            ByteBuffer buffer = ByteBuffer.allocate(latency.getNeededByteBufferCapacity());
            latency.encodeIntoCompressedByteBuffer(buffer);
            byte[] encoded = new byte[buffer.position()];
            buffer.flip().get(encoded);
            System.out.println(latency.getTotalCount() + " " + load.failed.get() + " "
                    + Base64.getEncoder().encodeToString(encoded));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** {@code inFlight} chains of requests, each sending the next when its answer is read, until the deadline. */
    private static final class Load {

        private final HttpClientAgent http;
        private final RequestOptions request;
        private final long deadline;
        private final Recorder latency = new Recorder(TimeUnit.SECONDS.toNanos(10), 3);
        private final AtomicLong failed = new AtomicLong();
        private final CountDownLatch done;
        private final String path;
        /** Whether each request gets its own path, {@link #COUNTER} replaced by the next number. */
        private final boolean variable;
        private long sent;

        Load(HttpClientAgent http, String path, int inFlight, long nanos) {
            this.http = http;
            this.path = path;
            this.variable = path.contains(COUNTER);
            // A request that gets no connection or no answer in time fails, rather than leaving the run waiting.
            this.request = new RequestOptions().setMethod(HttpMethod.GET).setURI(path)
                    .setConnectTimeout(REQUEST_TIMEOUT_MILLIS).setIdleTimeout(REQUEST_TIMEOUT_MILLIS);
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
            http.request(variable ? new RequestOptions(request).setURI(path.replace(COUNTER,
                            Long.toString(1 + sent++ % 999_999))) : request)
                    .compose(sending -> sending.send()
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
