package dev.sweep.report;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.core.SweepAnalysis;
import dev.sweep.core.SweepReport;
import dev.sweep.core.TakerFee;
import dev.sweep.feed.BookView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What orders of several sizes would do on each venue and merged, all swept from the same copies of the books, so
 * that the points of one curve are comparable ("slippage at sizes").
 *
 * @param side       buy or sell
 * @param instrument the instrument
 * @param sizes      the sizes, in the base asset, in the order asked
 * @param venues     one curve per live venue, in the order of the views
 * @param merged     the curve of the merged book
 */
public record SlippageCurve(OrderSide side, Instrument instrument, List<BigDecimal> sizes, List<Curve> venues,
                            Curve merged) {

    /** The sizes of a curve when none are asked for: from a small order to one that moves most books. */
    public static final String DEFAULT_SIZES = "1,5,10,25,50";

    public SlippageCurve {
        sizes = List.copyOf(sizes);
        venues = List.copyOf(venues);
    }

    /**
     * The sizes as written, each a positive amount of the base asset.
     *
     * @param name the option or parameter that gives them, for the message
     * @throws UserInputException naming {@code name} when a size is not a positive decimal
     */
    public static List<BigDecimal> sizes(String name, List<String> sizes, Instrument instrument) {
        return sizes.stream().map(size -> Quantities.positive(name, size, instrument.sizeScale())).toList();
    }

    /**
     * Sweeps each size through the live books among the views.
     *
     * @param sizes at least one positive size
     * @throws IllegalArgumentException when no view is live
     */
    public static SlippageCurve of(OrderSide side, List<BigDecimal> sizes, List<BookView> views, TakerFees fees) {
        List<BookView> live = views.stream().filter(BookView::isLive).toList();
        List<String> labels = live.stream().map(BookView::venue).toList();
        boolean anyTruncated = live.stream().anyMatch(view -> truncated(view, side));
        List<List<Point>> byVenue = new ArrayList<>();
        labels.forEach(label -> byVenue.add(new ArrayList<>()));
        List<Point> merged = new ArrayList<>();
        Instrument instrument = null;
        for (BigDecimal size : sizes) {
            SweepAnalysis analysis = Reports.analyze(new OrderRequest(side, size, false), views, fees);
            instrument = analysis.instrument();
            for (int i = 0; i < labels.size(); i++) {
                byVenue.get(i).add(Point.of(size, analysis.venues().get(i), truncated(live.get(i), side)));
            }
            merged.add(Point.of(size, analysis.merged(), anyTruncated));
        }
        List<Curve> venues = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            venues.add(new Curve(labels.get(i), TakerFee.toFraction(fees.of(labels.get(i))), byVenue.get(i)));
        }
        return new SlippageCurve(side, instrument, sizes, venues, new Curve(SweepReport.MERGED, null, merged));
    }

    /** Whether the side an order of {@code side} takes from holds only the venue's best levels. */
    private static boolean truncated(BookView view, OrderSide side) {
        return view.book().side(side.bookSide()).isTruncated();
    }

    /**
     * One venue's points, or the merged book's, one per size.
     *
     * @param takerFee the venue's taker fee as a fraction, or null for the merged book (one fee per venue)
     */
    public record Curve(String label, BigDecimal takerFee, List<Point> points) {

        public Curve {
            points = List.copyOf(points);
        }
    }

    /**
     * One size swept. The prices and slippages are null when the book is too thin to fill the size: a curve point
     * of a partial fill would look better than the order the user asked about.
     *
     * @param size           the size asked
     * @param complete       whether the book filled it
     * @param filled         the size filled
     * @param shortfall      the size the book could not fill (0 when complete)
     * @param truncated      whether an incomplete fill took every level of a truncated book (the merged book: of
     *                       books one of which is truncated), so that the venue has more than was seen: the shortfall
     *                       is of what was seen, not of the venue
     * @param vwap           as in the sweep report, or null when incomplete
     * @param vwapWithFees   as in the sweep report, or null when incomplete
     * @param slippageVsBest basis points, or null when incomplete
     * @param slippageVsMid  basis points, or null when incomplete or without a mid
     */
    public record Point(BigDecimal size, boolean complete, BigDecimal filled, BigDecimal shortfall, boolean truncated,
                        BigDecimal vwap, BigDecimal vwapWithFees, BigDecimal slippageVsBest,
                        BigDecimal slippageVsMid) {

        /** @param truncatedBook whether the side swept is truncated: it matters only when the fill is incomplete */
        static Point of(BigDecimal size, SweepReport report, boolean truncatedBook) {
            boolean complete = report.complete();
            return new Point(size, complete, report.filled(), size.subtract(report.filled()), !complete && truncatedBook,
                    complete ? report.vwap() : null, complete ? report.vwapWithFees() : null,
                    complete ? report.slippageVsBest() : null, complete ? report.slippageVsMid() : null);
        }
    }
}
