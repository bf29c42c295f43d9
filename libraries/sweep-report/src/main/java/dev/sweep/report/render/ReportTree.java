package dev.sweep.report.render;

import dev.sweep.report.Conversions;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.core.SweepAnalysis;
import dev.sweep.core.SweepReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** One report as a tree: what was filled and at what price, and for the merged book, how it split across venues. */
final class ReportTree {

    private static final String BRANCH = "├─ ";
    private static final String LAST = "└─ ";
    private static final String SPACE = "   ";
    private static final int LABEL_WIDTH = 14;

    private final Style style;
    private final Readable readable;
    private final SweepAnalysis analysis;
    private final List<String> unverified;
    private final int width;

    /** @param unverified the venues whose books are unverified, marked in the merged book's split */
    ReportTree(Style style, Readable readable, SweepAnalysis analysis, List<String> unverified, int width) {
        this.style = style;
        this.readable = readable;
        this.analysis = analysis;
        this.unverified = List.copyOf(unverified);
        this.width = width;
    }

    void append(StringBuilder out, SweepReport report, String name, String detail) {
        Lines.wrapInto(out, Stream.of(detail.split(" · ")).map(style::faint).toList(), " · ", width,
                style.header(name) + "  ", "  ");
        List<String[]> rows = new ArrayList<>();
        Instrument instrument = report.instrument();
        String base = instrument.base();
        String quote = instrument.quote();
        OrderRequest request = report.request();
        if (request.inQuote()) {
            rows.add(new String[] {quoteVerb(request), readable.quoteAmount(report.notionalWithFees(), request.amount())
                    + " / " + readable.quoteAmount(request.amount(), request.amount()) + " " + quote + "  "
                    + completeness(report)});
            rows.add(new String[] {"filled", readable.size(report.filled()) + " " + base});
        } else {
            rows.add(new String[] {"filled", readable.size(report.filled()) + " / "
                    + readable.size(report.sizeToFill()) + " " + base + "  " + completeness(report)});
        }
        rows.add(new String[] {"levels", Integer.toString(report.levels())});
        if (report.filled().signum() > 0) {
            rows.add(new String[] {"VWAP", style.bold(readable.vwap(report.notional(), report.filled())) + " " + quote
                    + "  after fees " + readable.vwap(report.notionalWithFees(), report.filled())});
            if (!report.isMerged()) {
                analysis.conversion(report.label()).ifPresent(conversion -> rows.add(new String[] {"native VWAP",
                        readable.vwap(conversion.nativeNotional(), report.filled()) + " " + conversion.rate().from()
                                + "  converted at " + Conversions.describe(conversion.rate(),
                                instrument.priceScale())}));
            }
            rows.add(new String[] {"best → worst", readable.price(report.best(), report) + " → "
                    + readable.price(report.worst(), report)});
            String vsMid = report.slippageVsMid() == null ? "no mid"
                    : readable.bps(report.slippageVsMid()) + " bps vs mid";
            rows.add(new String[] {"slippage", readable.bps(report.slippageVsBest()) + " bps vs best · " + vsMid});
            rows.add(new String[] {"notional", readable.money(report.notional()) + " " + quote + "  fees "
                    + readable.money(report.fees()) + " " + quote});
        }
        boolean withSplit = report.isMerged() && report.filled().signum() > 0;
        for (int i = 0; i < rows.size(); i++) {
            boolean last = i == rows.size() - 1 && !withSplit;
            // A value's parts are two spaces apart; a part that does not fit goes under the value, not the label.
            Lines.wrapInto(out, List.of(rows.get(i)[1].split("  ")), "  ", width,
                    (last ? LAST : BRANCH) + Lines.pad(rows.get(i)[0], LABEL_WIDTH),
                    (last ? SPACE : "│  ") + " ".repeat(LABEL_WIDTH));
        }
        if (withSplit) {
            out.append(LAST).append("split").append('\n');
            appendSplit(out, report);
        }
    }

    private void appendSplit(StringBuilder out, SweepReport merged) {
        List<SweepReport.VenueShare> split = merged.split();
        int venueWidth = 2 + split.stream().mapToInt(share -> name(share).length()).max().orElse(0);
        int sizeWidth = split.stream().mapToInt(share -> readable.size(share.filled()).length()).max().orElse(0);
        int moneyWidth = split.stream().mapToInt(share -> readable.money(share.notional()).length()).max().orElse(0);
        String base = merged.instrument().base();
        String quote = merged.instrument().quote();
        for (int i = 0; i < split.size(); i++) {
            SweepReport.VenueShare share = split.get(i);
            boolean last = i == split.size() - 1;
            String row = SPACE + (last ? LAST : BRANCH) + Lines.pad(name(share), venueWidth);
            if (share.filled().signum() == 0) {
                Lines.wrapInto(out, List.of(style.faint("none: " + whyNone(share.venue()))), " ", width, row,
                        SPACE + (last ? SPACE : "│  ") + " ".repeat(venueWidth));
                continue;
            }
            out.append(row).append(Lines.padLeft(readable.size(share.filled()), sizeWidth)).append(' ').append(base)
                    .append(Lines.padLeft(Decimals.percent(share.share()), 9)).append("  ")
                    .append(Lines.padLeft(readable.money(share.notional()), moneyWidth)).append(' ').append(quote)
                    .append('\n');
        }
    }

    /** A venue's name in the split, marked when its book is unverified. */
    private String name(SweepReport.VenueShare share) {
        return Unverified.name(share.venue(), !unverified.contains(share.venue()));
    }

    /** Why a venue got nothing of the merged sweep: an empty side, or better levels elsewhere. */
    private String whyNone(String venue) {
        SweepReport alone = analysis.venues().stream().filter(report -> report.label().equals(venue)).findFirst()
                .orElseThrow();
        return alone.filled().signum() == 0 && !alone.amountBelowSmallestSize()
                ? "no " + bookSide(alone.request()) + "s"
                : "the levels taken elsewhere were as good or better after fees";
    }

    /** Whether the report filled what was asked and, if not, why. */
    private String completeness(SweepReport report) {
        if (report.amountBelowSmallestSize()) {
            return style.warning("nothing: " + tooSmall(report.request(), report.instrument()));
        }
        if (report.complete()) {
            return style.good("complete");
        }
        String reason = report.filled().signum() == 0 ? "the book has no " + bookSide(report.request()) + "s"
                : "the book is too thin";
        String shortfall = report.request().inQuote() ? ", "
                + readable.quoteAmount(report.quoteShortfall(), report.request().amount()) + " "
                + report.instrument().quote() + " short" : "";
        return style.warning("INCOMPLETE: " + reason + shortfall);
    }

    /** Why a quote amount fills nothing from a book that has levels. */
    static String tooSmall(OrderRequest request, Instrument instrument) {
        String amount = Decimals.readableExact(request.amount()) + " " + instrument.quote();
        String smallest = FixedPoint.format(1, instrument.sizeScale()) + " " + instrument.base();
        return request.side() == OrderSide.BUY
                ? amount + " buys less than the smallest size, " + smallest
                : "selling the smallest size, " + smallest + ", brings more than " + amount;
    }

    /** What a quote amount is: spent on a buy, received from a sell. */
    static String quoteVerb(OrderRequest request) {
        return request.side() == OrderSide.BUY ? "spent" : "received";
    }

    /** The side of the book an order takes from: {@code bid} or {@code ask}. */
    static String bookSide(OrderRequest request) {
        return request.side().bookSide().name().toLowerCase(Locale.ROOT);
    }
}
