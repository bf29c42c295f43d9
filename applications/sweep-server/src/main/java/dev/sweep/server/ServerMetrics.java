package dev.sweep.server;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.feed.BookStateChange;
import dev.sweep.feed.BookView;
import dev.sweep.feed.FrameTap;
import dev.sweep.venue.StateCause;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What {@code /metrics} exposes, in the Prometheus text format written by the Prometheus Java client: frames received
 * per venue (a rate is {@code rate(sweep_frames_total[1m])}), each book's state, age, updates and resyncs as of the
 * last copy, its checksum failures, sequence failures and reconnects as its changes of state told them, requests by
 * endpoint and status, their latency, and the stream's clients.
 */
public final class ServerMetrics {

    private static final double[] LATENCY_SECONDS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
        0.05, 0.1, 0.25, 0.5, 1};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter frames;
    private final Map<String, CounterDataPoint> framesByVenue = new ConcurrentHashMap<>();
    private final Counter requests;
    private final Histogram latency;
    private final Gauge streams;
    private final Counter checksumFailures;
    private final Counter sequenceFailures;
    private final Counter reconnects;
    private final Map<BookKey, BookCounters> bookCounters = new ConcurrentHashMap<>();
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private volatile Map<Instrument, List<BookView>> books = Map.of();

    public ServerMetrics() {
        frames = Counter.builder().name("sweep_frames_total").help("WebSocket frames received from the venue")
                .labelNames("venue").register(registry);
        requests = Counter.builder().name("sweep_requests_total").help("API requests answered")
                .labelNames("endpoint", "status").register(registry);
        latency = Histogram.builder().name("sweep_request_duration_seconds")
                .help("Time from a request to its answer, books copied and swept").labelNames("endpoint")
                .classicOnly().classicUpperBounds(LATENCY_SECONDS).register(registry);
        checksumFailures = Counter.builder().name("sweep_checksum_failures_total")
                .help("Times the venue's checksum differed from the book's, breaking it").labelNames("venue", "symbol")
                .register(registry);
        sequenceFailures = Counter.builder().name("sweep_sequence_failures_total")
                .help("Times a sequence number or update id skipped, breaking the book").labelNames("venue", "symbol")
                .register(registry);
        reconnects = Counter.builder().name("sweep_reconnects_total")
                .help("Times the book's connection was lost or replaced and the book resubscribed on a new one")
                .labelNames("venue", "symbol").register(registry);
        streams = Gauge.builder().name("sweep_stream_clients").help("WebSocket clients of /api/v1/stream")
                .register(registry);
        GaugeWithCallback.builder().name("sweep_book_live").help("1 when the book is LIVE (swept), else 0")
                .labelNames("venue", "symbol", "state")
                .callback(callback -> forEachBook((symbol, view) -> callback.call(view.isLive() ? 1 : 0,
                        view.venue(), symbol, view.state().name())))
                .register(registry);
        GaugeWithCallback.builder().name("sweep_book_age_seconds").help("Time since the book's last update")
                .labelNames("venue", "symbol")
                .callback(callback -> forEachBook((symbol, view) -> {
                    if (view.ageNanos() >= 0) {
                        callback.call(view.ageNanos() / 1e9, view.venue(), symbol);
                    }
                }))
                .register(registry);
        CounterWithCallback.builder().name("sweep_book_updates").help("Snapshots and updates applied to the book")
                .labelNames("venue", "symbol")
                .callback(callback -> forEachBook((symbol, view) -> callback.call(view.updates(), view.venue(),
                        symbol)))
                .register(registry);
        CounterWithCallback.builder().name("sweep_book_resyncs").help("Times the book was found broken and rebuilt")
                .labelNames("venue", "symbol")
                .callback(callback -> forEachBook((symbol, view) -> callback.call(view.resyncs(), view.venue(),
                        symbol)))
                .register(registry);
    }

    /** Counts each frame by venue, on the feed's thread: a lookup and an atomic add, nothing more. */
    public FrameTap frameTap() {
        return (venue, connection, receiveEpochNanos, buffer, offset, length) ->
                framesByVenue.computeIfAbsent(venue, name -> frames.labelValues(name)).inc();
    }

    /**
     * Counts the failures and reconnects each change of state tells, on the feed's thread; a book's counters show, at
     * 0, from its first change on.
     */
    public Consumer<BookStateChange> stateListener() {
        return change -> {
            BookCounters counters = bookCounters.computeIfAbsent(new BookKey(change.venue(),
                    change.instrument().symbol()), this::counters);
            if (change.to() == BookState.BROKEN && change.cause() == StateCause.CHECKSUM_MISMATCH) {
                counters.checksumFailures().inc();
            } else if (change.to() == BookState.BROKEN && change.cause() == StateCause.SEQUENCE_GAP) {
                counters.sequenceFailures().inc();
            } else if (change.to() == BookState.SYNCING
                    && (change.cause() == StateCause.DISCONNECT || change.cause() == StateCause.RESYNC)
                    || change.cause() == StateCause.PLANNED_RECONNECT) {
                // A planned reconnect replaces the connection too, though its book stays live throughout.
                counters.reconnects().inc();
            }
        };
    }

    private BookCounters counters(BookKey book) {
        return new BookCounters(checksumFailures.labelValues(book.venue(), book.symbol()),
                sequenceFailures.labelValues(book.venue(), book.symbol()),
                reconnects.labelValues(book.venue(), book.symbol()));
    }

    private record BookKey(String venue, String symbol) {
    }

    private record BookCounters(CounterDataPoint checksumFailures, CounterDataPoint sequenceFailures,
                                CounterDataPoint reconnects) {
    }

    /** The metrics of {@code endpoint}'s answers, the same object each time: look it up once, not per request. */
    Endpoint endpoint(String endpoint) {
        return endpoints.computeIfAbsent(endpoint, Endpoint::new);
    }

    /**
     * One endpoint's request counters and latency, each taken from the registry on its first answer and kept: a
     * request then only adds to them, with no lookup by its labels. Nothing shows in the exposition before it counts.
     */
    final class Endpoint {

        /** Above every HTTP status: a status is its own index. */
        private static final int STATUSES = 600;

        private final String name;
        private final AtomicReferenceArray<CounterDataPoint> byStatus = new AtomicReferenceArray<>(STATUSES);
        private volatile DistributionDataPoint duration;

        private Endpoint(String name) {
            this.name = name;
        }

        void answered(int status, long startNanos) {
            counter(status).inc();
            DistributionDataPoint taken = duration;
            if (taken == null) {
                taken = latency.labelValues(name);
                duration = taken;
            }
            taken.observe((System.nanoTime() - startNanos) / 1e9);
        }

        private CounterDataPoint counter(int status) {
            if (status < 0 || status >= STATUSES) {
                return requests.labelValues(name, Integer.toString(status));
            }
            CounterDataPoint counter = byStatus.get(status);
            if (counter == null) {
                // The registry gives every caller the same child: two threads that both miss keep the same one.
                counter = requests.labelValues(name, Integer.toString(status));
                byStatus.set(status, counter);
            }
            return counter;
        }
    }

    void streamOpened() {
        streams.inc();
    }

    void streamClosed() {
        streams.dec();
    }

    /** The exposition of every metric, the books' as of {@code latest}. */
    String scrape(Map<Instrument, List<BookView>> latest) {
        books = latest;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    String contentType() {
        return writer.getContentType();
    }

    private void forEachBook(BiConsumer<String, BookView> visitor) {
        books.forEach((instrument, views) -> views.forEach(view -> visitor.accept(instrument.symbol(), view)));
    }
}
