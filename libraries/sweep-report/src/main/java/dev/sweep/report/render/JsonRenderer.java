package dev.sweep.report.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sweep.core.ConversionRate;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.SweepAnalysis;
import dev.sweep.feed.BookView;
import dev.sweep.core.SweepReport;
import dev.sweep.core.VenueConversion;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders an analysis as one JSON document on one line (README, "JSON output"). Decimals are strings so that no
 * reader turns them into binary floating point; values that do not exist (the VWAP of an empty fill, the mid of a
 * one-sided book) are {@code null}.
 */
public final class JsonRenderer {

    public String render(SweepOutput output) {
        return JsonDocuments.write(json -> write(json, output));
    }

    /** Writes the document {@link #render(SweepOutput)} renders into {@code out}, in UTF-8. */
    public void render(SweepOutput output, OutputStream out) {
        JsonDocuments.write(json -> write(json, output), out);
    }

    private static void write(JsonGenerator json, SweepOutput output) throws IOException {
        SweepAnalysis analysis = output.analysis();
        json.writeStartObject();
        writeRequest(json, output.source(), analysis.request(), analysis.instrument());
        json.writeArrayFieldStart("venues");
        for (SweepReport venue : analysis.venues()) {
            json.writeStartObject();
            json.writeStringField("venue", venue.label());
            json.writeStringField("takerFeePct", Decimals.feePercentNumber(venue.takerFee()));
            writeState(json, output.view(venue.label()));
            writeReport(json, venue);
            writeQuote(json, output.view(venue.label()), analysis.conversion(venue.label()));
            writeTruncated(json, output, venue);
            json.writeEndObject();
        }
        json.writeEndArray();
        writeExcluded(json, output.excluded());
        json.writeObjectFieldStart("merged");
        json.writeBooleanField("verified", output.unverified().isEmpty());
        writeReport(json, analysis.merged());
        json.writeArrayFieldStart("split");
        for (SweepReport.VenueShare share : analysis.merged().split()) {
            json.writeStartObject();
            json.writeStringField("venue", share.venue());
            json.writeStringField("takerFeePct", Decimals.feePercentNumber(share.takerFee()));
            writeExact(json, "filled", share.filled());
            writeExact(json, "notional", share.notional());
            writeExact(json, "fees", share.fees());
            writeRounded(json, "share", share.share());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("conversions");
        for (VenueConversion conversion : analysis.conversions()) {
            json.writeStartObject();
            json.writeStringField("venue", conversion.venue());
            writeRate(json, conversion.rate(), analysis.instrument().priceScale());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("truncated");
        for (String venue : output.truncatedInMerged()) {
            json.writeString(venue);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * The same document with no venue swept: {@code venues} empty, every venue in {@code excluded} with its state and
     * reason, and {@code merged} null, so that a reader of a {@code --watch} stream keeps getting one line a refresh.
     */
    public String render(NothingLive output) {
        return JsonDocuments.write(json -> write(json, output));
    }

    /** Writes the document {@link #render(NothingLive)} renders into {@code out}, in UTF-8. */
    public void render(NothingLive output, OutputStream out) {
        JsonDocuments.write(json -> write(json, output), out);
    }

    private static void write(JsonGenerator json, NothingLive output) throws IOException {
        json.writeStartObject();
        writeRequest(json, output.source(), output.request(), output.instrument());
        json.writeArrayFieldStart("venues");
        json.writeEndArray();
        writeExcluded(json, output.views());
        json.writeNullField("merged");
        json.writeEndObject();
    }

    private static void writeRequest(JsonGenerator json, String source, OrderRequest request, Instrument instrument)
            throws IOException {
        json.writeStringField("source", source);
        json.writeStringField("side", request.side().label());
        json.writeStringField("symbol", instrument.symbol());
        writeExact(json, "requested", request.amount());
        json.writeStringField("unit", request.unit(instrument));
    }

    /** A swept book's state and the time since its last update ({@code null} for a file). */
    public static void writeState(JsonGenerator json, BookView view) throws IOException {
        json.writeStringField("state", view.state().name());
        json.writeBooleanField("verified", view.verified());
        if (view.ageNanos() < 0) {
            json.writeNullField("ageMs");
        } else {
            json.writeNumberField("ageMs", TimeUnit.NANOSECONDS.toMillis(view.ageNanos()));
        }
    }

    /**
     * The currency the venue's book quotes in and, when it was converted into the symbol's, the rate and the fill at
     * the venue's own prices; {@code null} for a book in the symbol's currency. Last, so that the fields before keep
     * their places.
     */
    private static void writeQuote(JsonGenerator json, BookView view, Optional<VenueConversion> conversion)
            throws IOException {
        json.writeStringField("quote", view.book().instrument().quote());
        if (conversion.isEmpty()) {
            json.writeNullField("rate");
            json.writeNullField("nativeVwap");
            json.writeNullField("nativeNotional");
            return;
        }
        json.writeObjectFieldStart("rate");
        writeRate(json, conversion.get().rate(), view.book().instrument().priceScale());
        json.writeEndObject();
        writeRounded(json, "nativeVwap", conversion.get().nativeVwap());
        writeExact(json, "nativeNotional", conversion.get().nativeNotional());
    }

    /**
     * Whether the venue's sweep ran off the end of its truncated book, and if so the levels that book ends at: the
     * venue has more beyond them, unknown here. Last, so that the fields before keep their places.
     */
    private static void writeTruncated(JsonGenerator json, SweepOutput output, SweepReport venue) throws IOException {
        boolean truncated = output.truncated(venue);
        json.writeBooleanField("truncated", truncated);
        if (truncated) {
            json.writeNumberField("truncatedAt", output.sweptLevels(venue));
        } else {
            json.writeNullField("truncatedAt");
        }
    }

    /**
     * For an analysis of books converted into the symbol's currency: the currency the venue's book quotes in and the
     * rate it was converted at, {@code null} for a book in the symbol's currency.
     */
    static void writeConversion(JsonGenerator json, Instrument instrument, ConversionRate rate) throws IOException {
        json.writeStringField("quote", rate == null ? instrument.quote() : rate.from());
        if (rate == null) {
            json.writeNullField("rate");
            return;
        }
        json.writeObjectFieldStart("rate");
        writeRate(json, rate, instrument.priceScale());
        json.writeEndObject();
    }

    /**
     * For an analysis of both sides of books converted into the symbol's currency: the currency the venue's book
     * quotes in and the rates its bids and asks were converted at, {@code null} for a book in the symbol's currency.
     */
    public static void writeConversions(JsonGenerator json, Instrument instrument, ConversionRate bidRate,
                                 ConversionRate askRate) throws IOException {
        json.writeStringField("quote", bidRate == null ? instrument.quote() : bidRate.from());
        if (bidRate == null || askRate == null) {
            json.writeNullField("rates");
            return;
        }
        json.writeObjectFieldStart("rates");
        json.writeObjectFieldStart("bids");
        writeRate(json, bidRate, instrument.priceScale());
        json.writeEndObject();
        json.writeObjectFieldStart("asks");
        writeRate(json, askRate, instrument.priceScale());
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A rate's pair, value, source and age ({@code null} for a book file or a stated rate). */
    private static void writeRate(JsonGenerator json, ConversionRate rate, int priceScale) throws IOException {
        json.writeStringField("pair", rate.pair());
        writeExact(json, "rate", FixedPoint.toBigDecimal(rate.rate(), priceScale));
        json.writeStringField("source", rate.source());
        if (rate.ageNanos() < 0) {
            json.writeNullField("ageMs");
        } else {
            json.writeNumberField("ageMs", TimeUnit.NANOSECONDS.toMillis(rate.ageNanos()));
        }
    }

    static void writeExcluded(JsonGenerator json, List<BookView> views) throws IOException {
        json.writeArrayFieldStart("excluded");
        for (BookView excluded : views) {
            json.writeStartObject();
            json.writeStringField("venue", excluded.venue());
            json.writeStringField("state", excluded.state().name());
            json.writeBooleanField("verified", excluded.verified());
            json.writeStringField("problem", excluded.lastProblem());
            json.writeStringField("quote", excluded.book().instrument().quote());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeReport(JsonGenerator json, SweepReport report) throws IOException {
        writeExact(json, "sizeToFill", report.sizeToFill());
        writeExact(json, "filled", report.filled());
        json.writeBooleanField("complete", report.complete());
        json.writeNumberField("levels", report.levels());
        writeRounded(json, "vwap", report.vwap());
        writeRounded(json, "vwapWithFees", report.vwapWithFees());
        writeExact(json, "best", report.best());
        writeExact(json, "worst", report.worst());
        writeExact(json, "mid", report.mid());
        writeExact(json, "notional", report.notional());
        writeExact(json, "fees", report.fees());
        writeExact(json, "notionalWithFees", report.notionalWithFees());
        writeExact(json, "quoteShortfall", report.quoteShortfall());
        json.writeObjectFieldStart("slippageBps");
        writeRounded(json, "vsBest", report.slippageVsBest());
        writeRounded(json, "vsMid", report.slippageVsMid());
        json.writeEndObject();
        json.writeArrayFieldStart("fills");
        for (SweepReport.Fill fill : report.fills()) {
            json.writeStartArray();
            Decimals.writeExact(json, fill.price());
            Decimals.writeExact(json, fill.size());
            if (report.isMerged()) {
                json.writeString(fill.venue());
            }
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    static void writeExact(JsonGenerator json, String field, BigDecimal value) throws IOException {
        json.writeFieldName(field);
        if (value == null) {
            json.writeNull();
        } else {
            Decimals.writeExact(json, value);
        }
    }

    static void writeRounded(JsonGenerator json, String field, BigDecimal value) throws IOException {
        json.writeFieldName(field);
        if (value == null) {
            json.writeNull();
        } else {
            Decimals.writeRounded(json, value);
        }
    }
}
