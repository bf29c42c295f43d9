package dev.sweep.server;

import dev.sweep.report.UserInputException;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code sweep serve}'s HTTP server over one source of books: Vert.x Web, on Netty like the feeds, one verticle per
 * event loop sharing the port. Requests are answered on the event loops from shared copies of the books
 * ({@link BookSnapshots}); large documents are written on a thread of their own.
 */
public final class SweepServer implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 30;

    static {
        // Vert.x's own warnings go to the application's logs, never to the console, which carries only the URL.
        if (System.getProperty("vertx.logger-delegate-factory-class-name") == null) {
            System.setProperty("vertx.logger-delegate-factory-class-name",
                    "io.vertx.core.logging.SLF4JLogDelegateFactory");
        }
    }

    private final Vertx vertx;
    private final BookSnapshots snapshots;
    private final ExecutorService renderer;
    private final URI uri;
    private boolean closed;

    private SweepServer(Vertx vertx, BookSnapshots snapshots, ExecutorService renderer, URI uri) {
        this.vertx = vertx;
        this.snapshots = snapshots;
        this.renderer = renderer;
        this.uri = uri;
    }

    /**
     * Starts serving and returns once the port is bound.
     *
     * @throws UserInputException when the address cannot be bound (in use, not an address of this machine)
     */
    public static SweepServer start(ServerConfig config, BookSource source) {
        return start(config, source, new ServerMetrics());
    }

    /**
     * Starts serving with metrics that may already count the feeds' frames ({@link ServerMetrics#frameTap}).
     *
     * @throws UserInputException when the address cannot be bound (in use, not an address of this machine)
     */
    public static SweepServer start(ServerConfig config, BookSource source, ServerMetrics metrics) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(config.eventLoops()).setWorkerPoolSize(2));
        BookSnapshots snapshots = new BookSnapshots(source, config.maxBookAge());
        ExecutorService renderer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "sweep-render");
            thread.setDaemon(true);
            return thread;
        });
        SweepApi api = new SweepApi(source, snapshots, renderer, metrics);
        StreamApi stream = new StreamApi(api, metrics);
        PageAssets page = new PageAssets();
        SweepServer server = null;
        try {
            AtomicInteger port = new AtomicInteger();
            vertx.deployVerticle(() -> new ApiVerticle(config, api, stream, metrics, page, port),
                            new DeploymentOptions().setInstances(config.eventLoops()))
                    .toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            server = new SweepServer(vertx, snapshots, renderer, URI.create("http://" + hostInUri(config.host()) + ":"
                    + port.get() + "/"));
            return server;
        } catch (ExecutionException e) {
            throw new UserInputException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the server did not start within " + START_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the server", e);
        } finally {
            if (server == null) {
                vertx.close();
                snapshots.close();
                renderer.shutdownNow();
            }
        }
    }

    /** Where the page is, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return uri;
    }

    /** Stops serving: open connections are closed, the copying and rendering threads stop. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Stopping regardless: the threads below are daemons, and the process is ending.
        }
        snapshots.close();
        renderer.shutdownNow();
    }

    private static String hostInUri(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
