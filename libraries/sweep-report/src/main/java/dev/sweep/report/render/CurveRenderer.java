package dev.sweep.report.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sweep.core.BookState;
import dev.sweep.core.ConversionRate;
import dev.sweep.feed.BookView;
import dev.sweep.report.Conversions;
import dev.sweep.report.SlippageCurve;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a slippage curve: as one JSON document on one line, in the words of the sweep document (each venue with its
 * fee and state, the venues left out, then the merged book; per size its fill and, when complete, its prices), or as
 * a table per venue for people.
 */
public final class CurveRenderer {

    /**
     * @param source where the books came from, as in the sweep document
     * @param views  every venue asked for: the live ones were swept, the others are listed as excluded
     */
    public String json(String source, SlippageCurve curve, List<BookView> views) {
        return json(source, curve, views, Map.of());
    }

    /**
     * @param rates the rate each converted venue's book was taken at, by venue: its {@code quote} is then the
     *              currency it quotes in, and its {@code rate} that rate ({@code null} for the others)
     */
    public String json(String source, SlippageCurve curve, List<BookView> views, Map<String, ConversionRate> rates) {
        return JsonDocuments.write(json -> {
                json.writeStartObject();
                json.writeStringField("source", source);
                json.writeStringField("side", curve.side().label());
                json.writeStringField("symbol", curve.instrument().symbol());
                json.writeStringField("unit", curve.instrument().base());
                json.writeArrayFieldStart("sizes");
                for (BigDecimal size : curve.sizes()) {
                    json.writeString(Decimals.exact(size));
                }
                json.writeEndArray();
                json.writeArrayFieldStart("venues");
                for (SlippageCurve.Curve venue : curve.venues()) {
                    json.writeStartObject();
                    json.writeStringField("venue", venue.label());
                    json.writeStringField("takerFeePct", Decimals.feePercentNumber(venue.takerFee()));
                    JsonRenderer.writeState(json, view(views, venue.label()));
                    JsonRenderer.writeConversion(json, curve.instrument(), rates.get(venue.label()));
                    writePoints(json, venue);
                    json.writeEndObject();
                }
                json.writeEndArray();
                JsonRenderer.writeExcluded(json, views.stream().filter(view -> view.state() != BookState.LIVE).toList());
                json.writeObjectFieldStart("merged");
                writePoints(json, curve.merged());
                json.writeEndObject();
                json.writeEndObject();
        });
    }

    private static void writePoints(JsonGenerator json, SlippageCurve.Curve curve) throws IOException {
        json.writeArrayFieldStart("points");
        for (SlippageCurve.Point point : curve.points()) {
            json.writeStartObject();
            json.writeStringField("size", Decimals.exact(point.size()));
            json.writeBooleanField("complete", point.complete());
            json.writeStringField("filled", Decimals.exact(point.filled()));
            json.writeStringField("shortfall", Decimals.exact(point.shortfall()));
            json.writeBooleanField("truncated", point.truncated());
            JsonRenderer.writeRounded(json, "vwap", point.vwap());
            JsonRenderer.writeRounded(json, "vwapWithFees", point.vwapWithFees());
            json.writeObjectFieldStart("slippageBps");
            JsonRenderer.writeRounded(json, "vsBest", point.slippageVsBest());
            JsonRenderer.writeRounded(json, "vsMid", point.slippageVsMid());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /**
     * One table per venue and for the merged book: each size's VWAP (before fees, at the report's precision) and
     * slippage against the best price and the mid, or how much of it the book could not fill.
     */
    public String text(SlippageCurve curve, List<BookView> views) {
        return text(curve, views, Map.of());
    }

    /** As {@link #text(SlippageCurve, List)}, each converted venue naming the rate its book was taken at. */
    public String text(SlippageCurve curve, List<BookView> views, Map<String, ConversionRate> rates) {
        String base = curve.instrument().base();
        StringBuilder out = new StringBuilder();
        out.append(curve.side().name()).append(' ').append(curve.instrument().symbol())
                .append(" · VWAP and slippage at each size (bps, positive = cost)\n\n");
        for (SlippageCurve.Curve venue : curve.venues()) {
            ConversionRate rate = rates.get(venue.label());
            String converted = rate == null ? "" : " · " + rate.from() + " book converted at "
                    + Conversions.describe(rate, curve.instrument().priceScale()) + ", the " + rate.pair() + " "
                    + curve.side().bookSide().name().toLowerCase(Locale.ROOT) + " on " + rate.source();
            appendCurve(out, venue, venue.label() + "  taker fee " + Decimals.feePercent(venue.takerFee())
                    + converted, base, false);
        }
        if (curve.venues().size() > 1) {
            appendCurve(out, curve.merged(), "merged book  " + Words.count(curve.venues().size(), "venue"), base,
                    true);
        }
        appendExcluded(out, views);
        return out.toString();
    }

    private static void appendCurve(StringBuilder out, SlippageCurve.Curve curve, String header, String base,
                                    boolean merged) {
        out.append(header).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"size " + base, "VWAP", "vs best", "vs mid"});
        for (SlippageCurve.Point point : curve.points()) {
            String size = Decimals.readableExact(point.size());
            if (!point.complete()) {
                String shortfall = Decimals.readableExact(point.shortfall()) + " " + base + " short";
                rows.add(new String[] {size, point.truncated()
                        ? "truncated book: " + shortfall + " of the levels seen; " + (merged ? "a truncated venue"
                        : "the venue") + " has more, unseen"
                        : "too thin: " + shortfall});
                continue;
            }
            rows.add(new String[] {size, Decimals.readable(point.vwap(), point.vwap().scale()),
                    bps(point.slippageVsBest()), bps(point.slippageVsMid())});
        }
        Table.append(out, rows);
        out.append('\n');
    }

    private static String bps(BigDecimal bps) {
        return bps == null ? "-" : Decimals.readable(bps, bps.scale());
    }

    /** The venues asked for but not live, each with its state and reason, one line each. */
    static void appendExcluded(StringBuilder out, List<BookView> views) {
        for (BookView excluded : views.stream().filter(view -> view.state() != BookState.LIVE).toList()) {
            out.append(excluded.venue()).append("  ").append(excluded.state()).append(" · skipped")
                    .append(excluded.lastProblem() == null ? "" : ": " + excluded.lastProblem()).append("\n");
        }
    }

    static BookView view(List<BookView> views, String venue) {
        return views.stream().filter(view -> view.venue().equals(venue)).findFirst().orElseThrow();
    }
}
