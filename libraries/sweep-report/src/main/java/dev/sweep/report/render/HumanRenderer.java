package dev.sweep.report.render;

import dev.sweep.core.ConversionRate;
import dev.sweep.core.VenueConversion;
import dev.sweep.report.Conversions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.SweepAnalysis;
import dev.sweep.core.SweepReport;
import dev.sweep.feed.BookView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders an analysis for people: a summary, one tree per venue, the merged book with its split when there are
 * several venues, then the fills as {@code (price, size)}. Numbers are rounded for reading ({@link Readable}).
 */
public final class HumanRenderer {

    private static final String SEPARATOR = " · ";
    /** The narrowest layout: below it the trees' own columns would not fit. */
    static final int MIN_WIDTH = 60;

    private final Style style;
    private final int width;
    private final FillList fillList;

    /**
     * @param colors   whether to use ANSI colors
     * @param width    the columns a line may take, at least {@value #MIN_WIDTH}
     * @param fillList how many fills to list
     */
    public HumanRenderer(boolean colors, int width, FillList fillList) {
        this.style = new Style(colors);
        this.width = Math.max(MIN_WIDTH, width);
        this.fillList = fillList;
    }

    public String render(SweepOutput output) {
        SweepAnalysis analysis = output.analysis();
        Readable readable = Readable.of(output);
        List<String> unverified = output.unverified();
        ReportTree tree = new ReportTree(style, readable, analysis, unverified, width);
        StringBuilder out = new StringBuilder();
        Lines.wrapInto(out, summary(output, readable), SEPARATOR, width, "", "");
        if (!unverified.isEmpty()) {
            Lines.wrapInto(out, List.of(style.warning(Unverified.LEGEND)), " ", width, "", "  ");
        }
        for (String rate : rates(analysis, output.fromFile())) {
            Lines.wrapInto(out, List.of(rate.split(" · ")), SEPARATOR, width, "", "  ");
        }
        out.append('\n');
        for (SweepReport venue : analysis.venues()) {
            BookView view = output.view(venue.label());
            String detail = "taker fee " + Decimals.feePercent(venue.takerFee());
            if (!output.fromFile()) {
                detail += SEPARATOR + health(view);
            }
            if (analysis.conversion(venue.label()).isPresent()) {
                detail += SEPARATOR + view.book().instrument().quote() + " book converted to "
                        + analysis.instrument().quote();
            }
            if (output.truncated(venue)) {
                detail += SEPARATOR + truncated(output.sweptLevels(venue));
            }
            tree.append(out, venue, Unverified.name(venue.label(), view.verified()), detail);
            out.append('\n');
        }
        excluded(out, output.excluded());
        if (analysis.venues().size() > 1) {
            String detail = Words.count(analysis.venues().size(), "venue") + (unverified.isEmpty() ? ""
                    : SEPARATOR + "includes " + Words.count(unverified.size(), "unverified book"));
            tree.append(out, analysis.merged(), "merged book", detail);
            out.append('\n');
        }
        new FillsSection(style, readable, fillList, width).append(out, fillReports(analysis));
        return out.toString();
    }

    /** The order, that no venue is live, then every venue with its state and reason. */
    public String render(NothingLive output) {
        List<String> parts = new ArrayList<>();
        if (SweepOutput.DEMO.equals(output.source())) {
            parts.add(style.warning("DEMO"));
            parts.add("simulated exchanges, not real prices");
        }
        parts.add(style.bold(output.request().side().name() + " " + output.request().describe(output.instrument())));
        parts.add(style.warning("no venue is live: nothing swept"));
        StringBuilder out = new StringBuilder();
        Lines.wrapInto(out, parts, SEPARATOR, width, "", "");
        out.append('\n');
        excluded(out, output.views());
        return out.toString();
    }

    /** Venues not swept, each with its state and why. */
    private void excluded(StringBuilder out, List<BookView> views) {
        for (BookView excluded : views) {
            String first = style.header(excluded.venue()) + "  " + style.warning(excluded.state().name()) + SEPARATOR;
            String reason = "skipped" + (excluded.lastProblem() == null ? "" : ": " + excluded.lastProblem());
            Lines.wrapInto(out, List.of(reason), " ", width, first, "  ");
            out.append('\n');
        }
    }

    /** The reports whose fills are listed: each venue's, and the merged one unless it repeats a single venue's. */
    private static List<SweepReport> fillReports(SweepAnalysis analysis) {
        List<SweepReport> reports = new ArrayList<>(analysis.venues());
        if (analysis.venues().size() > 1) {
            reports.add(analysis.merged());
        }
        return reports;
    }

    /**
     * One line per rate the sweep converted at, naming it, where it came from and how old it is: {@code converted at
     * 1 USDT = 0.9998 USD · the USDT-USD bid on kraken, 120 ms old · binance}.
     */
    private static List<String> rates(SweepAnalysis analysis, boolean fromFile) {
        Map<ConversionRate, List<String>> venues = new LinkedHashMap<>();
        for (VenueConversion conversion : analysis.conversions()) {
            venues.computeIfAbsent(conversion.rate(), rate -> new ArrayList<>()).add(conversion.venue());
        }
        List<String> lines = new ArrayList<>();
        venues.forEach((rate, converted) -> {
            String source;
            if (ConversionRate.STATED.equals(rate.source())) {
                source = "stated with --convert";
            } else {
                String side = analysis.request().side().bookSide().name().toLowerCase(Locale.ROOT);
                source = "the " + rate.pair() + " " + side + " on " + rate.source() + ", "
                        + (fromFile || rate.ageNanos() < 0 ? "from the file"
                        : TimeUnit.NANOSECONDS.toMillis(rate.ageNanos()) + " ms old");
            }
            lines.add("converted at " + Conversions.describe(rate, analysis.instrument().priceScale()) + SEPARATOR
                    + source + SEPARATOR + String.join(", ", converted));
        });
        return lines;
    }

    /** A live book's state and age: {@code LIVE · 120 ms old}. */
    private static String health(BookView view) {
        String age = view.ageNanos() < 0 ? "no update yet"
                : TimeUnit.NANOSECONDS.toMillis(view.ageNanos()) + " ms old";
        return view.state() + SEPARATOR + age;
    }

    /** The first line's parts: the order, then the merged answer and the best single venue. */
    private List<String> summary(SweepOutput output, Readable readable) {
        SweepAnalysis analysis = output.analysis();
        Instrument instrument = analysis.instrument();
        OrderRequest request = analysis.request();
        SweepReport merged = analysis.merged();
        boolean single = analysis.venues().size() == 1;
        List<String> parts = new ArrayList<>();
        if (SweepOutput.DEMO.equals(output.source())) {
            parts.add(style.warning("DEMO"));
            parts.add("simulated exchanges, not real prices");
        }
        String order = request.side().name() + " " + (request.inQuote()
                ? readable.quoteAmount(request.amount(), request.amount()) + " " + instrument.quote() + " of "
                + instrument.symbol()
                : Decimals.readableExact(request.amount()) + " " + instrument.symbol());
        parts.add(style.bold(order) + (single ? " on " + marked(output, merged.split().get(0).venue()) : ""));
        if (merged.amountBelowSmallestSize()) {
            parts.add(style.warning("nothing to fill: " + ReportTree.tooSmall(request, instrument)));
            return parts;
        }
        if (merged.filled().signum() == 0) {
            parts.add(style.warning("nothing to fill: the " + (single ? "book has" : "books have") + " no "
                    + ReportTree.bookSide(request) + "s"));
            return parts;
        }
        if (request.inQuote()) {
            parts.add("fills " + readable.size(merged.filled()) + " " + instrument.base());
        }
        parts.add((single ? "VWAP " : "merged VWAP ") + style.bold(readable.vwap(merged.notional(), merged.filled()))
                + " " + instrument.quote() + " (" + readable.vwap(merged.notionalWithFees(), merged.filled())
                + " after fees)");
        parts.add(readable.bps(merged.slippageVsBest()) + " bps vs best");
        if (!merged.complete()) {
            parts.add(style.warning(request.inQuote()
                    ? "only " + readable.quoteAmount(merged.notionalWithFees(), request.amount()) + " of "
                    + readable.quoteAmount(request.amount(), request.amount()) + " " + instrument.quote() + " "
                    + ReportTree.quoteVerb(request)
                    : "only " + readable.size(merged.filled()) + " " + instrument.base() + " available"));
        }
        for (String venue : output.truncatedInMerged()) {
            parts.add(style.warning("TRUNCATED: " + venue + " taken to the end of its book, "
                    + truncated(output.sweptLevels(analysis.venues().stream()
                    .filter(report -> report.label().equals(venue)).findFirst().orElseThrow()))));
        }
        if (!single) {
            analysis.bestAlone().ifPresent(bestAlone -> parts.add("best alone: " + marked(output, bestAlone.label())
                    + " " + readable.vwap(bestAlone.notionalWithFees(), bestAlone.filled()) + " after fees"));
        }
        return parts;
    }

    /** Why a book that ran out is not the whole answer: the venue has more levels than its feed sends. */
    private static String truncated(int levels) {
        return "truncated at " + levels + " levels: the venue has more, unseen";
    }

    /** A swept venue's name, marked when its book is unverified. */
    private static String marked(SweepOutput output, String venue) {
        return Unverified.name(venue, output.view(venue).verified());
    }
}
