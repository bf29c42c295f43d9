package dev.sweep.report.render;

import dev.sweep.core.BookSide;
import dev.sweep.core.ConversionRate;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.feed.BookView;
import dev.sweep.report.Conversions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.TimeUnit;

/**
 * One venue's book for people: its state, the spread and the mid, then the best levels of each side face to face in
 * aligned columns, prices at the venue's precision and sizes at the decimals the shown sizes have.
 */
public final class BookTable {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private BookTable() {
    }

    /** The header and the best {@code depth} levels of each side. */
    public static String render(BookView view, int depth) {
        return render(view, depth, "");
    }

    /**
     * As {@link #render(BookView, int)}, for a book converted into its symbol's currency, the bids at {@code bidRate}
     * and the asks at {@code askRate}: a line under the header names both rates, where they came from and their age.
     */
    public static String render(BookView view, int depth, ConversionRate bidRate, ConversionRate askRate) {
        int scale = view.book().instrument().priceScale();
        return render(view, depth, bidRate.from() + " book converted to " + bidRate.to() + ": bids at "
                + Conversions.describe(bidRate, scale) + " (" + origin(bidRate, "bid") + "), asks at "
                + Conversions.describe(askRate, scale) + " (" + origin(askRate, "ask") + ")\n");
    }

    /** {@code the USDT-USD bid on kraken, 120 ms old}. */
    private static String origin(ConversionRate rate, String side) {
        if (ConversionRate.STATED.equals(rate.source())) {
            return "stated";
        }
        return "the " + rate.pair() + " " + side + " on " + rate.source()
                + (rate.ageNanos() < 0 ? "" : ", " + TimeUnit.NANOSECONDS.toMillis(rate.ageNanos()) + " ms old");
    }

    private static String render(BookView view, int depth, String conversion) {
        OrderBook book = view.book();
        Instrument instrument = book.instrument();
        StringBuilder out = new StringBuilder();
        out.append(Unverified.name(view.venue(), view.verified())).append(' ').append(instrument).append(" · ")
                .append(view.state()).append(" · ")
                .append(TimeUnit.NANOSECONDS.toMillis(Math.max(0, view.ageNanos()))).append(" ms old · ")
                .append(Words.count(book.bids().depth(), "bid")).append(", ")
                .append(Words.count(book.asks().depth(), "ask")).append('\n').append(conversion);
        if (!view.verified()) {
            out.append(Unverified.LEGEND).append('\n');
        }
        out.append(spreadAndMid(book)).append("\n\n");
        int rows = Math.min(depth, Math.max(book.bids().depth(), book.asks().depth()));
        String[][] cells = new String[rows + 1][];
        cells[0] = new String[] {"size", "bid", "ask", "size"};
        int sizeDecimals = sizeDecimals(book, rows);
        for (int i = 0; i < rows; i++) {
            cells[i + 1] = new String[] {size(book.bids(), i, instrument, sizeDecimals), price(book.bids(), i, book),
                    price(book.asks(), i, book), size(book.asks(), i, instrument, sizeDecimals)};
        }
        int[] widths = new int[4];
        for (String[] row : cells) {
            for (int column = 0; column < 4; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        for (String[] row : cells) {
            String line = Lines.padLeft(row[0], widths[0]) + "  " + Lines.padLeft(row[1], widths[1]) + " │ "
                    + Lines.pad(row[2], widths[2] + 2) + Lines.padLeft(row[3], widths[3]);
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** {@code spread 0.1 (0.15 bps) · mid 67,050.15}, or why there is none. */
    private static String spreadAndMid(OrderBook book) {
        if (book.bids().isEmpty() || book.asks().isEmpty()) {
            return "no spread or mid: the book has no " + (book.bids().isEmpty() ? "bids" : "asks");
        }
        int scale = book.instrument().priceScale();
        BigDecimal bid = FixedPoint.toBigDecimal(book.bestBid(), scale);
        BigDecimal ask = FixedPoint.toBigDecimal(book.bestAsk(), scale);
        BigDecimal mid = bid.add(ask).divide(TWO);
        BigDecimal spread = ask.subtract(bid);
        int precision = book.pricePrecision();
        return "spread " + Decimals.readable(spread, precision) + " (" + spread.multiply(TEN_THOUSAND)
                .divide(mid, 2, RoundingMode.HALF_EVEN).toPlainString() + " bps) · mid "
                + Decimals.readable(mid, Math.max(precision, Decimals.places(mid)));
    }

    private static String price(BookSide side, int level, OrderBook book) {
        return level < side.depth() ? Decimals.readable(FixedPoint.toBigDecimal(side.price(level),
                book.instrument().priceScale()), book.pricePrecision()) : "";
    }

    private static String size(BookSide side, int level, Instrument instrument, int decimals) {
        return level < side.depth() ? Decimals.readable(FixedPoint.toBigDecimal(side.size(level),
                instrument.sizeScale()), decimals) : "";
    }

    /** The most decimals among the sizes shown, so that none is rounded. */
    private static int sizeDecimals(OrderBook book, int rows) {
        int decimals = 0;
        for (BookSide side : new BookSide[] {book.bids(), book.asks()}) {
            for (int i = 0; i < Math.min(rows, side.depth()); i++) {
                decimals = Math.max(decimals, Decimals.places(FixedPoint.toBigDecimal(side.size(i),
                        book.instrument().sizeScale())));
            }
        }
        return decimals;
    }
}
