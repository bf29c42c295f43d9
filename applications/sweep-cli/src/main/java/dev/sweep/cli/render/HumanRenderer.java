package dev.sweep.cli.render;

import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.feed.BookView;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.core.SweepAnalysis;
import dev.sweep.core.SweepReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Renders an analysis for people: a summary line, one tree per venue, the merged book with its split, then the raw
 * fills as {@code (price, size)}. Every number is exact or rounded as stated in the README; nothing is abbreviated.
 */
public final class HumanRenderer {

    private static final String BRANCH = "├─ ";
    private static final String LAST = "└─ ";
    private static final String SPACE = "   ";

    private final Style style;

    public HumanRenderer(boolean colors) {
        this.style = new Style(colors);
    }

    public String render(SweepOutput output) {
        SweepAnalysis analysis = output.analysis();
        Readable readable = Readable.of(output);
        StringBuilder out = new StringBuilder();
        if (SweepOutput.DEMO.equals(output.source())) {
            out.append(style.warning("DEMO")).append(" · simulated exchanges, not real prices · ");
        }
        out.append(summary(analysis, readable)).append("\n\n");
        for (SweepReport venue : analysis.venues()) {
            String detail = "taker fee " + Decimals.feePercent(venue.takerFee());
            if (!output.fromFile()) {
                detail += " · " + health(output.view(venue.label()));
            }
            tree(out, readable, venue, venue.label(), detail);
            out.append('\n');
        }
        for (BookView excluded : output.excluded()) {
            out.append(style.header(excluded.venue())).append("  ").append(style.warning(excluded.state().name()))
                    .append(" · not swept").append(excluded.lastProblem() == null ? "" : ": " + excluded.lastProblem())
                    .append("\n\n");
        }
        tree(out, readable, analysis.merged(), "merged book", analysis.venues().size() + " venues");
        out.append('\n').append(style.header("fills (price, size)")).append('\n');
        int width = labelWidth(analysis);
        for (SweepReport venue : analysis.venues()) {
            out.append(pad(venue.label(), width)).append(fills(venue, readable)).append('\n');
        }
        out.append(pad("merged", width)).append(fills(analysis.merged(), readable)).append('\n');
        return out.toString();
    }

    /** A live book's state and age: {@code LIVE · 120 ms old}. */
    private static String health(BookView view) {
        String age = view.ageNanos() < 0 ? "no update yet"
                : TimeUnit.NANOSECONDS.toMillis(view.ageNanos()) + " ms old";
        return view.state() + " · " + age;
    }

    private String summary(SweepAnalysis analysis, Readable readable) {
        Instrument instrument = analysis.instrument();
        SweepReport merged = analysis.merged();
        StringBuilder line = new StringBuilder();
        String amount = analysis.request().inQuote() ? readable.typedMoney(analysis.request().amount())
                : Decimals.readableExact(analysis.request().amount());
        line.append(style.bold(analysis.request().side().name() + " " + (analysis.request().inQuote()
                ? amount + " " + instrument.quote() + " of " + instrument.symbol()
                : amount + " " + instrument.symbol())));
        if (merged.amountBelowSmallestSize()) {
            return line.append(" · ").append(style.warning("nothing to fill: " + tooSmall(analysis))).toString();
        }
        if (merged.vwap() == null) {
            return line.append(" · ").append(style.warning("nothing to fill: the books have no "
                    + bookSide(analysis.request()) + "s")).toString();
        }
        line.append(" · merged VWAP ").append(style.bold(readable.vwap(merged.notional(), merged.filled())))
                .append(' ').append(instrument.quote()).append(" (")
                .append(readable.vwap(merged.notionalWithFees(), merged.filled())).append(" after fees), ")
                .append(readable.bps(merged.slippageVsBest())).append(" bps vs best");
        if (!merged.complete()) {
            line.append(" · ").append(style.warning(analysis.request().inQuote()
                    ? "only " + readable.money(merged.notionalWithFees()) + " of " + amount + " " + instrument.quote()
                    + " " + quoteVerb(analysis.request()) + " (" + readable.size(merged.filled()) + " "
                    + instrument.base() + ")"
                    : "only " + readable.size(merged.filled()) + " " + instrument.base() + " available"));
        }
        SweepReport bestAlone = bestSingleVenue(analysis);
        if (bestAlone != null) {
            line.append(" · best alone: ").append(bestAlone.label()).append(' ')
                    .append(readable.vwap(bestAlone.notionalWithFees(), bestAlone.filled())).append(" after fees");
        }
        return line.toString();
    }

    /** The venue that alone fills the order at the best price after fees, or null when none fills it alone. */
    private static SweepReport bestSingleVenue(SweepAnalysis analysis) {
        SweepReport best = null;
        for (SweepReport venue : analysis.venues()) {
            if (venue.complete() && venue.filled().signum() > 0 && (best == null || isBetter(analysis, venue, best))) {
                best = venue;
            }
        }
        return best;
    }

    /** Whether a's price after fees beats b's, compared exactly: a's total × b's size against b's total × a's size. */
    private static boolean isBetter(SweepAnalysis analysis, SweepReport a, SweepReport b) {
        int comparison = a.notionalWithFees().multiply(b.filled()).compareTo(b.notionalWithFees().multiply(a.filled()));
        return analysis.request().side() == OrderSide.BUY ? comparison < 0 : comparison > 0;
    }

    private void tree(StringBuilder out, Readable readable, SweepReport report, String name, String detail) {
        Instrument instrument = report.instrument();
        out.append(style.header(name)).append("  ").append(style.faint(detail)).append('\n');
        List<String[]> rows = new ArrayList<>();
        String base = instrument.base();
        String quote = instrument.quote();
        OrderRequest request = report.request();
        if (request.inQuote()) {
            rows.add(new String[] {quoteVerb(request), readable.money(report.notionalWithFees()) + " / "
                    + readable.typedMoney(request.amount()) + " " + quote + "  " + completeness(report, readable)});
            rows.add(new String[] {"filled", readable.size(report.filled()) + " " + base});
        } else {
            rows.add(new String[] {"filled", readable.size(report.filled()) + " / "
                    + readable.size(report.sizeToFill()) + " " + base + "  " + completeness(report, readable)});
        }
        rows.add(new String[] {"levels", Integer.toString(report.levels())});
        if (report.vwap() != null) {
            rows.add(new String[] {"VWAP", style.bold(readable.vwap(report.notional(), report.filled())) + " " + quote
                    + "  after fees " + readable.vwap(report.notionalWithFees(), report.filled())});
            rows.add(new String[] {"best → worst", readable.price(report.best(), report.label()) + " → "
                    + readable.price(report.worst(), report.label())});
            rows.add(new String[] {"slippage", readable.bps(report.slippageVsBest()) + " bps vs best · "
                    + (report.slippageVsMid() == null ? "no mid" : readable.bps(report.slippageVsMid()) + " bps vs mid")});
            rows.add(new String[] {"notional", readable.money(report.notional()) + " " + quote + "  fees "
                    + readable.money(report.fees()) + " " + quote});
        }
        boolean withSplit = report.isMerged();
        for (int i = 0; i < rows.size(); i++) {
            boolean last = i == rows.size() - 1 && !withSplit;
            out.append(last ? LAST : BRANCH).append(pad(rows.get(i)[0], 14)).append(rows.get(i)[1]).append('\n');
        }
        if (withSplit) {
            out.append(LAST).append("split").append('\n');
            List<SweepReport.VenueShare> split = report.split();
            int width = 2 + split.stream().mapToInt(share -> share.venue().length()).max().orElse(0);
            for (int i = 0; i < split.size(); i++) {
                SweepReport.VenueShare share = split.get(i);
                out.append(SPACE).append(i == split.size() - 1 ? LAST : BRANCH).append(pad(share.venue(), width))
                        .append(pad(readable.size(share.filled()) + " " + base, 20))
                        .append(pad(Decimals.percent(share.share()), 10))
                        .append(readable.money(share.notional())).append(' ').append(quote).append('\n');
            }
        }
    }

    /** Whether the report filled what was asked and, if not, why. */
    private String completeness(SweepReport report, Readable readable) {
        if (report.amountBelowSmallestSize()) {
            return style.warning("nothing: " + tooSmall(report.request(), report.instrument()));
        }
        if (report.complete()) {
            return style.good("complete");
        }
        String reason = report.filled().signum() == 0 ? "the book has no " + bookSide(report.request()) + "s"
                : "the book is too thin";
        String shortfall = report.request().inQuote() ? ", " + readable.money(report.quoteShortfall()) + " "
                + report.instrument().quote() + " short" : "";
        return style.warning("INCOMPLETE: " + reason + shortfall);
    }

    private static String tooSmall(SweepAnalysis analysis) {
        return tooSmall(analysis.request(), analysis.instrument());
    }

    /** Why a quote amount fills nothing from a book that has levels. */
    private static String tooSmall(OrderRequest request, Instrument instrument) {
        String amount = Decimals.readableExact(request.amount()) + " " + instrument.quote();
        String smallest = FixedPoint.format(1, instrument.sizeScale()) + " " + instrument.base();
        return request.side() == OrderSide.BUY
                ? amount + " buys less than the smallest size, " + smallest
                : "selling the smallest size, " + smallest + ", brings more than " + amount;
    }

    /** What a quote amount is: spent on a buy, received from a sell. */
    private static String quoteVerb(OrderRequest request) {
        return request.side() == OrderSide.BUY ? "spent" : "received";
    }

    private static String bookSide(OrderRequest request) {
        return request.side().bookSide().name().toLowerCase(Locale.ROOT);
    }

    private static String fills(SweepReport report, Readable readable) {
        if (report.fills().isEmpty()) {
            return "(none)";
        }
        StringBuilder text = new StringBuilder();
        for (SweepReport.Fill fill : report.fills()) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append('(').append(readable.price(fill.price(), fill.venue())).append(", ")
                    .append(readable.size(fill.size()));
            if (report.isMerged()) {
                text.append(", ").append(fill.venue());
            }
            text.append(')');
        }
        return text.toString();
    }

    private static int labelWidth(SweepAnalysis analysis) {
        int width = "merged".length();
        for (SweepReport venue : analysis.venues()) {
            width = Math.max(width, venue.label().length());
        }
        return width + 2;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
