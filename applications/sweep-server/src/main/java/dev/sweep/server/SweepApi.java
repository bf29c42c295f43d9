package dev.sweep.server;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.feed.BookView;
import dev.sweep.report.MarketDepth;
import dev.sweep.report.Reports;
import dev.sweep.report.SlippageCurve;
import dev.sweep.report.TakerFees;
import dev.sweep.report.bookfile.BookFile;
import dev.sweep.report.render.CurveRenderer;
import dev.sweep.report.render.DepthRenderer;
import dev.sweep.report.render.JsonRenderer;
import dev.sweep.report.render.NothingLive;
import dev.sweep.report.render.SweepOutput;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The documents of the JSON API, computed from one copy of the books each: the same renderers as the command
 * line, so that {@code /api/v1/sweep} is byte for byte what {@code sweep sell 15 --json} prints for the same books.
 * Requests are checked whole ({@link Query}) before any book is copied.
 */
final class SweepApi {

    static final List<String> SWEEP_PARAMETERS = List.of("side", "qty", "quote", "symbol", "venues", "fee");
    static final List<String> CURVE_PARAMETERS = List.of("side", "sizes", "symbol", "venues", "fee");
    static final List<String> DEPTH_PARAMETERS = List.of("bands", "symbol", "venues");

    private final BookSource source;
    private final BookSnapshots snapshots;
    private final Executor renderer;
    private final ServerMetrics metrics;

    /**
     * @param renderer where large documents are written, away from the threads that serve requests
     */
    SweepApi(BookSource source, BookSnapshots snapshots, Executor renderer, ServerMetrics metrics) {
        this.source = source;
        this.snapshots = snapshots;
        this.renderer = renderer;
        this.metrics = metrics;
    }

    BookSource source() {
        return source;
    }

    /** A checked sweep request: what {@code sweep sell|buy} takes, as query parameters. */
    record SweepRequest(OrderRequest order, Instrument instrument, List<String> venues, TakerFees fees) {

        static SweepRequest of(Query query, BookSource source) {
            OrderSide side = query.side();
            Instrument instrument = query.instrument(source);
            List<String> venues = query.venues(source);
            TakerFees fees = query.fees(venues);
            return new SweepRequest(query.order(side, instrument), instrument, venues, fees);
        }
    }

    CompletableFuture<Answer> sweep(Query query) {
        SweepRequest request = SweepRequest.of(query, source);
        return views(request.instrument(), request.venues()).thenApply(views -> sweep(request, views));
    }

    /** The sweep document of one request; with no live book, 503 and the document saying why for each venue. */
    Answer sweep(SweepRequest request, List<BookView> views) {
        if (views.stream().noneMatch(BookView::isLive)) {
            return Answer.json(503, new JsonRenderer().render(new NothingLive(source.kind(), request.order(),
                    request.instrument(), views)));
        }
        return Answer.ok(new JsonRenderer().render(new SweepOutput(source.kind(),
                Reports.analyze(request.order(), views, request.fees()), views)));
    }

    CompletableFuture<Answer> curve(Query query) {
        OrderSide side = query.side();
        Instrument instrument = query.instrument(source);
        List<BigDecimal> sizes = Query.parsed("sizes", () -> SlippageCurve.sizes("sizes",
                query.listOr("sizes", SlippageCurve.DEFAULT_SIZES), instrument));
        List<String> venues = query.venues(source);
        TakerFees fees = query.fees(venues);
        return views(instrument, venues).thenApply(views -> {
            requireLive(views);
            return Answer.ok(new CurveRenderer().json(source.kind(), SlippageCurve.of(side, sizes, views, fees),
                    views));
        });
    }

    CompletableFuture<Answer> depth(Query query) {
        Instrument instrument = query.instrument(source);
        List<BigDecimal> bands = Query.parsed("bands", () -> MarketDepth.bands("bands",
                query.listOr("bands", MarketDepth.DEFAULT_BANDS)));
        List<String> venues = query.venues(source);
        return views(instrument, venues).thenApply(views -> {
            requireLive(views);
            return Answer.ok(new DepthRenderer().json(source.kind(), MarketDepth.of(bands, views), views));
        });
    }

    /**
     * One venue's book in the book-file format, as {@code sweep book VENUE SYMBOL --json} writes it: the whole book
     * unless {@code depth} asks for the best N levels a side. Written on the render thread: a whole book can hold
     * hundreds of thousands of levels.
     */
    CompletableFuture<Answer> book(String venue, String symbol, Query query) {
        Query.checkPrintable("venue", venue);
        Query.checkPrintable("symbol", symbol);
        Query.servedVenue("venue", venue, source);
        Instrument instrument = Query.served("symbol", symbol, source);
        int depth = query.count("depth", Integer.MAX_VALUE, BookFile.MAX_LEVELS_PER_SIDE);
        return views(instrument, List.of(venue)).thenApplyAsync(views -> {
            if (views.isEmpty()) {
                throw ApiException.notFound("symbol", venue + " has no " + instrument + " book here");
            }
            BookView view = views.get(0);
            if (view.state() != BookState.LIVE) {
                throw ApiException.unavailable(venue + " " + instrument + " is " + Reports.state(view));
            }
            return Answer.ok(BookFile.write(List.of(view.book()), depth));
        }, renderer);
    }

    /** Every book's health; 503 when none is live. */
    CompletableFuture<Answer> health() {
        return allBooks().thenApply(books -> Answer.json(HealthRenderer.anyLive(books) ? 200 : 503,
                HealthRenderer.json(source.kind(), books)));
    }

    /** The metrics, the books' as of a fresh copy. */
    CompletableFuture<Answer> metrics() {
        return allBooks().thenApply(books -> new Answer(200, metrics.contentType(), metrics.scrape(books)));
    }

    /** Copies of every book served, by instrument. */
    private CompletableFuture<Map<Instrument, List<BookView>>> allBooks() {
        Map<Instrument, CompletableFuture<List<BookView>>> pending = new LinkedHashMap<>();
        for (Instrument instrument : source.instruments()) {
            pending.put(instrument, snapshots.views(instrument));
        }
        return CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<Instrument, List<BookView>> books = new LinkedHashMap<>();
            pending.forEach((instrument, views) -> books.put(instrument, views.join()));
            return books;
        });
    }

    /** The copies of the venues' books asked for, in the order served. */
    CompletableFuture<List<BookView>> views(Instrument instrument, List<String> venues) {
        return snapshots.views(instrument).thenApply(views -> views.stream()
                .filter(view -> venues.contains(view.venue())).toList());
    }

    private static void requireLive(List<BookView> views) {
        if (views.stream().noneMatch(BookView::isLive)) {
            throw ApiException.unavailable("no venue is live: " + String.join("; ", views.stream()
                    .map(view -> view.venue() + " " + Reports.state(view)).toList()));
        }
    }
}
