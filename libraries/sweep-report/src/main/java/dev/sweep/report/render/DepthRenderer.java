package dev.sweep.report.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sweep.core.BookState;
import dev.sweep.core.ConversionRate;
import dev.sweep.feed.BookView;
import dev.sweep.report.Conversions;
import dev.sweep.report.MarketDepth;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the depth within bands around the mid: as one JSON document on one line, each amount an exact string, or as
 * a table per venue for people.
 */
public final class DepthRenderer {

    /** Marks an amount that a truncated book leaves short: the venue's is at least this. */
    private static final String AT_LEAST = "≥ ";

    /**
     * @param source where the books came from, as in the sweep document
     * @param views  every venue asked for: the live ones were measured, the others are listed as excluded
     */
    public String json(String source, MarketDepth depth, List<BookView> views) {
        return json(source, depth, views, Map.of(), Map.of());
    }

    /**
     * @param bidRates the rate each converted venue's bids were taken at (a sell's), by venue
     * @param askRates the rate its asks were taken at (a buy's): a venue's {@code quote} is then the currency it
     *                 quotes in and its {@code rates} those two ({@code null} for the others)
     */
    public String json(String source, MarketDepth depth, List<BookView> views, Map<String, ConversionRate> bidRates,
                       Map<String, ConversionRate> askRates) {
        return JsonDocuments.write(json -> {
                json.writeStartObject();
                json.writeStringField("source", source);
                json.writeStringField("symbol", depth.instrument().symbol());
                json.writeStringField("unit", depth.instrument().base());
                json.writeStringField("quote", depth.instrument().quote());
                json.writeArrayFieldStart("bandsPct");
                for (BigDecimal band : depth.bands()) {
                    json.writeString(Decimals.exact(band));
                }
                json.writeEndArray();
                json.writeArrayFieldStart("venues");
                for (MarketDepth.Depth venue : depth.venues()) {
                    json.writeStartObject();
                    json.writeStringField("venue", venue.label());
                    JsonRenderer.writeState(json, CurveRenderer.view(views, venue.label()));
                    JsonRenderer.writeConversions(json, depth.instrument(), bidRates.get(venue.label()),
                            askRates.get(venue.label()));
                    writeBands(json, venue);
                    json.writeEndObject();
                }
                json.writeEndArray();
                JsonRenderer.writeExcluded(json, views.stream().filter(view -> view.state() != BookState.LIVE).toList());
                json.writeObjectFieldStart("merged");
                writeBands(json, depth.merged());
                json.writeEndObject();
                json.writeEndObject();
        });
    }

    /** One table per venue and for the merged book: each band's bid and ask sizes and notionals. */
    public String text(MarketDepth depth, List<BookView> views) {
        return text(depth, views, Map.of(), Map.of());
    }

    /** As {@link #text(MarketDepth, List)}, each converted venue naming the rates its sides were taken at. */
    public String text(MarketDepth depth, List<BookView> views, Map<String, ConversionRate> bidRates,
                       Map<String, ConversionRate> askRates) {
        String base = depth.instrument().base();
        String quote = depth.instrument().quote();
        StringBuilder out = new StringBuilder();
        out.append(depth.instrument().symbol()).append(" · depth within ±X % of the mid\n\n");
        for (MarketDepth.Depth venue : depth.venues()) {
            ConversionRate bid = bidRates.get(venue.label());
            ConversionRate ask = askRates.get(venue.label());
            String converted = bid == null || ask == null ? "" : " · " + bid.from() + " book converted: bids at "
                    + Conversions.describe(bid, depth.instrument().priceScale()) + " (bid on " + bid.source()
                    + "), asks at " + Conversions.describe(ask, depth.instrument().priceScale()) + " (ask on "
                    + ask.source() + ")";
            appendDepth(out, venue, venue.label() + converted, base, quote);
        }
        if (depth.venues().size() > 1) {
            appendDepth(out, depth.merged(), "merged book  " + Words.count(depth.venues().size(), "venue"), base,
                    quote);
        }
        CurveRenderer.appendExcluded(out, views);
        return out.toString();
    }

    private static void appendDepth(StringBuilder out, MarketDepth.Depth depth, String header, String base,
                                    String quote) {
        if (depth.mid() == null) {
            out.append(header).append("  no mid: a side of the book is empty\n\n");
            return;
        }
        out.append(header).append("  mid ").append(Decimals.readableExact(depth.mid())).append('\n');
        int money = Readable.moneyDecimals(quote);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"band", "bids " + base, "bids " + quote, "asks " + base, "asks " + quote});
        boolean truncated = false;
        for (MarketDepth.Band band : depth.bands()) {
            String bids = band.bids().truncated() ? AT_LEAST : "";
            String asks = band.asks().truncated() ? AT_LEAST : "";
            truncated |= band.bids().truncated() || band.asks().truncated();
            rows.add(new String[] {"±" + Decimals.exact(band.percent()) + "%",
                    bids + Decimals.readableExact(band.bids().size()),
                    bids + Decimals.readable(band.bids().notional(), money),
                    asks + Decimals.readableExact(band.asks().size()),
                    asks + Decimals.readable(band.asks().notional(), money)});
        }
        Table.append(out, rows);
        if (truncated) {
            out.append(AT_LEAST).append("a truncated book ends inside the band: the venue has more there, unseen\n");
        }
        out.append('\n');
    }

    private static void writeBands(JsonGenerator json, MarketDepth.Depth depth) throws IOException {
        JsonRenderer.writeExact(json, "mid", depth.mid());
        json.writeArrayFieldStart("bands");
        for (MarketDepth.Band band : depth.bands()) {
            json.writeStartObject();
            json.writeStringField("pct", Decimals.exact(band.percent()));
            writeAmounts(json, "bids", band.bids());
            writeAmounts(json, "asks", band.asks());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeAmounts(JsonGenerator json, String field, MarketDepth.Amounts amounts) throws IOException {
        if (amounts == null) {
            json.writeNullField(field);
            return;
        }
        json.writeObjectFieldStart(field);
        json.writeStringField("size", Decimals.exact(amounts.size()));
        json.writeStringField("notional", Decimals.exact(amounts.notional()));
        json.writeBooleanField("truncated", amounts.truncated());
        json.writeEndObject();
    }
}
