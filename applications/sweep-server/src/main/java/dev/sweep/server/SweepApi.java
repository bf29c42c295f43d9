package dev.sweep.server;

import dev.sweep.core.BookState;
import dev.sweep.core.ConversionRate;
import dev.sweep.core.Instrument;
import dev.sweep.core.MarketSweep;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.feed.BookView;
import dev.sweep.report.Conversions;
import dev.sweep.report.ConvertedViews;
import dev.sweep.report.MarketDepth;
import dev.sweep.report.Rates;
import dev.sweep.report.Reports;
import dev.sweep.report.SlippageCurve;
import dev.sweep.report.SweptViews;
import dev.sweep.report.TakerFees;
import dev.sweep.report.bookfile.BookFile;
import dev.sweep.report.render.CurveRenderer;
import dev.sweep.report.render.DepthRenderer;
import dev.sweep.report.render.JsonRenderer;
import dev.sweep.report.render.NothingLive;
import dev.sweep.report.render.SweepOutput;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The documents of the JSON API, computed from one copy of the books each: the same renderers as the command
 * line, so that {@code /api/v1/sweep} is byte for byte what {@code sweep sell 15 --json} prints for the same books.
 * Requests are checked whole ({@link Query}) before any book is copied.
 */
final class SweepApi {

    static final List<String> SWEEP_PARAMETERS = List.of("side", "qty", "quote", "symbol", "venues", "fee", "convert");
    static final List<String> CURVE_PARAMETERS = List.of("side", "sizes", "symbol", "venues", "fee", "convert");
    static final List<String> DEPTH_PARAMETERS = List.of("bands", "symbol", "venues", "convert");
    static final List<String> BOOK_PARAMETERS = List.of("depth", "convert");

    private final BookSource source;
    private final BookSnapshots snapshots;
    private final Executor renderer;
    private final ServerMetrics metrics;
    private final SweepDocuments documents = new SweepDocuments();
    /** Each event loop's sweeper, reused request after request: a sweep is not to be shared between threads. */
    private final ThreadLocal<MarketSweep> sweeps = ThreadLocal.withInitial(MarketSweep::new);

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
    record SweepRequest(OrderRequest order, Instrument instrument, List<String> venues, boolean named,
                        TakerFees fees, Conversions conversions) {

        static SweepRequest of(Query query, BookSource source) {
            OrderSide side = query.side();
            Instrument instrument = query.instrument(source);
            List<String> venues = query.venues(source);
            TakerFees fees = query.fees(venues);
            return new SweepRequest(query.order(side, instrument), instrument, venues, query.namesVenues(), fees,
                    query.conversions(instrument));
        }
    }

    /**
     * The sweep document of a query, written once per query for the same copies of the books ({@link SweepDocuments}).
     *
     * @param sent the query as sent, which names the document among those written
     */
    CompletableFuture<Answer> sweep(Query query, String sent) {
        SweepRequest request = SweepRequest.of(query, source);
        List<Instrument> needed = needed(request.instrument(), request.conversions());
        return copies(needed).thenApply(books -> documents.answer(books, sent, () -> sweep(request,
                swept(request.instrument(), request.venues(), request.conversions(), request.named(), needed,
                        books))));
    }

    /** The books a sweep request takes; see {@link #swept(Instrument, List, Conversions, boolean)}. */
    CompletableFuture<SweptViews> swept(SweepRequest request) {
        return swept(request.instrument(), request.venues(), request.conversions(), request.named());
    }

    /**
     * The sweep document of one request, the books taken as {@code sweep sell --from} takes them; with no live book,
     * 503 and the document saying why for each venue.
     */
    Answer sweep(SweepRequest request, SweptViews swept) {
        Rates rates = Rates.choose(request.conversions(), request.order().side(), swept.rateViews());
        List<BookView> views = Reports.withRates(request.instrument(), swept.views(), rates);
        if (views.stream().noneMatch(BookView::isLive)) {
            NothingLive nothing = new NothingLive(source.kind(), request.order(), request.instrument(), views);
            return Answer.json(503, out -> new JsonRenderer().render(nothing, out));
        }
        SweepOutput output = new SweepOutput(source.kind(), Reports.analyze(sweeps.get(), request.order(),
                request.instrument(), views, request.fees(), rates), views);
        return Answer.json(200, out -> new JsonRenderer().render(output, out));
    }

    CompletableFuture<Answer> curve(Query query) {
        OrderSide side = query.side();
        Instrument instrument = query.instrument(source);
        List<BigDecimal> sizes = Query.parsed("sizes", () -> SlippageCurve.sizes("sizes",
                query.listOr("sizes", SlippageCurve.DEFAULT_SIZES), instrument));
        List<String> venues = query.venues(source);
        TakerFees fees = query.fees(venues);
        Conversions conversions = query.conversions(instrument);
        return converted(instrument, venues, conversions, query.namesVenues()).thenApply(books -> {
            requireLive(books.views());
            return Answer.ok(new CurveRenderer().json(source.kind(), SlippageCurve.of(side, sizes, books.views(),
                    fees), books.views(), books.rates(side)));
        });
    }

    CompletableFuture<Answer> depth(Query query) {
        Instrument instrument = query.instrument(source);
        List<BigDecimal> bands = Query.parsed("bands", () -> MarketDepth.bands("bands",
                query.listOr("bands", MarketDepth.DEFAULT_BANDS)));
        List<String> venues = query.venues(source);
        Conversions conversions = query.conversions(instrument);
        return converted(instrument, venues, conversions, query.namesVenues()).thenApply(books -> {
            requireLive(books.views());
            return Answer.ok(new DepthRenderer().json(source.kind(), MarketDepth.of(bands, books.views()),
                    books.views(), books.bidRates(), books.askRates()));
        });
    }

    /**
     * One venue's book in the book-file format, as {@code sweep book VENUE SYMBOL --json} writes it: the whole book
     * unless {@code depth} asks for the best N levels a side; a venue without a book of the symbol gives its book in a
     * currency converted, each side at its rate, the rates named. Written on the render thread: a whole book can hold
     * hundreds of thousands of levels.
     */
    CompletableFuture<Answer> book(String venue, String symbol, Query query) {
        Query.checkPrintable("venue", venue);
        Query.checkPrintable("symbol", symbol);
        Query.servedVenue("venue", venue, source);
        Instrument instrument = Query.served("symbol", symbol, source);
        int depth = query.count("depth", Integer.MAX_VALUE, BookFile.MAX_LEVELS_PER_SIDE);
        Conversions conversions = query.conversions(instrument);
        return converted(instrument, List.of(venue), conversions, false).thenApplyAsync(books -> {
            if (books.views().isEmpty()) {
                throw ApiException.notFound("symbol", venue + " has no " + instrument + " book here");
            }
            BookView view = books.views().get(0);
            if (view.state() != BookState.LIVE) {
                throw ApiException.unavailable(venue + " " + instrument + " is " + Reports.state(view));
            }
            ConversionRate bid = books.bidRates().get(venue);
            return Answer.ok(bid == null ? BookFile.write(List.of(view.book()), depth)
                    : BookFile.write(view.book(), depth, bid, books.askRates().get(venue)));
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

    /** Copies of every book followed, by instrument. */
    private CompletableFuture<Map<Instrument, List<BookView>>> allBooks() {
        return copies(source.followed());
    }

    /**
     * Copies of the books of {@code instruments}, by instrument, handed to the event loop that asks for them: at once
     * when they are taken already, as they are for nearly every request, else once taken, through that loop's queue.
     * What a request computes from them is computed there too, never on the thread that copies the books, which would
     * hold up every request waiting for the next copy.
     */
    private CompletableFuture<Map<Instrument, List<BookView>>> copies(List<Instrument> instruments) {
        Map<Instrument, CompletableFuture<List<BookView>>> pending = new LinkedHashMap<>();
        for (Instrument instrument : instruments) {
            pending.put(instrument, snapshots.views(instrument));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new));
        Function<Void, Map<Instrument, List<BookView>>> byInstrument = done -> {
            Map<Instrument, List<BookView>> books = new LinkedHashMap<>();
            pending.forEach((instrument, views) -> books.put(instrument, views.join()));
            return books;
        };
        if (all.isDone()) {
            return all.thenApply(byInstrument);
        }
        Context loop = Objects.requireNonNull(Vertx.currentContext(), "books are asked for on an event loop");
        return all.thenApplyAsync(byInstrument, task -> loop.runOnContext(ignored -> task.run()));
    }

    /**
     * The books a sweep of {@code instrument} takes from copies of those followed, as {@code sweep sell --from} takes
     * a file's: each venue's book of the symbol, else its book in a currency converted, and the rate books.
     *
     * @param named whether the request named its venues: a named venue that takes part only converted, in a request
     *              that does not convert, is a bad request that says so, as {@code --venues} is on the command line
     */
    CompletableFuture<SweptViews> swept(Instrument instrument, List<String> venues, Conversions conversions,
                                        boolean named) {
        List<Instrument> needed = needed(instrument, conversions);
        return copies(needed).thenApply(books -> swept(instrument, venues, conversions, named, needed, books));
    }

    /** The instruments whose books a sweep of {@code instrument} may take, converted or not. */
    private List<Instrument> needed(Instrument instrument, Conversions conversions) {
        Conversions automatic = Conversions.of(instrument, false, List.of());
        List<Instrument> needed = new ArrayList<>(SweptViews.needed(conversions, source.followed()));
        SweptViews.needed(automatic, source.followed()).stream().filter(book -> !needed.contains(book))
                .forEach(needed::add);
        return needed;
    }

    /** {@link #swept(Instrument, List, Conversions, boolean)} of copies taken. */
    private static SweptViews swept(Instrument instrument, List<String> venues, Conversions conversions, boolean named,
                                    List<Instrument> needed, Map<Instrument, List<BookView>> books) {
        SweptViews swept = SweptViews.of(conversions, needed, books::get);
        if (named) {
            Conversions automatic = Conversions.of(instrument, false, List.of());
            for (BookView possible : SweptViews.of(automatic, needed, books::get).only(venues).views()) {
                if (!swept.venues().contains(possible.venue())) {
                    throw ApiException.badRequest("venues", possible.venue() + " has no " + instrument
                            + " book: it quotes in " + possible.book().instrument().quote()
                            + ", which this sweep does not convert (convert=false)");
                }
            }
        }
        return swept.only(venues);
    }

    /**
     * The books of an analysis of both sides: {@link #swept}, each converted book's sides at their rates. Converted on
     * the render thread: a whole book is copied level by level, and the thread that copies the books serves them all.
     */
    private CompletableFuture<ConvertedViews> converted(Instrument instrument, List<String> venues,
                                                        Conversions conversions, boolean named) {
        return swept(instrument, venues, conversions, named).thenApplyAsync(swept -> ConvertedViews.of(instrument,
                conversions, swept.views(), swept.rateViews()), renderer);
    }

    private static void requireLive(List<BookView> views) {
        if (views.stream().noneMatch(BookView::isLive)) {
            throw ApiException.unavailable("no venue is live: " + String.join("; ", views.stream()
                    .map(view -> view.venue() + " " + Reports.state(view)).toList()));
        }
    }
}
