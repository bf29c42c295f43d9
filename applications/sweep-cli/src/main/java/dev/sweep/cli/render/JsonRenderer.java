package dev.sweep.cli.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sweep.core.SweepAnalysis;
import dev.sweep.feed.BookView;
import dev.sweep.core.SweepReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

/**
 * Renders an analysis as one JSON document on one line (README, "JSON output"). Decimals are strings so that no
 * reader turns them into binary floating point; values that do not exist (the VWAP of an empty fill, the mid of a
 * one-sided book) are {@code null}.
 */
public final class JsonRenderer {

    private static final JsonFactory JSON = new JsonFactory();

    public String render(SweepOutput output) {
        SweepAnalysis analysis = output.analysis();
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("source", output.source());
            json.writeStringField("side", analysis.request().side().label());
            json.writeStringField("symbol", analysis.instrument().symbol());
            json.writeStringField("requested", Decimals.exact(analysis.request().amount()));
            json.writeStringField("unit", analysis.request().unit(analysis.instrument()));
            json.writeArrayFieldStart("venues");
            for (SweepReport venue : analysis.venues()) {
                json.writeStartObject();
                json.writeStringField("venue", venue.label());
                json.writeStringField("takerFee", Decimals.exact(venue.takerFee()));
                BookView view = output.view(venue.label());
                json.writeStringField("state", view.state().name());
                if (view.ageNanos() < 0) {
                    json.writeNullField("ageMs");
                } else {
                    json.writeNumberField("ageMs", TimeUnit.NANOSECONDS.toMillis(view.ageNanos()));
                }
                writeReport(json, venue);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("excluded");
            for (BookView excluded : output.excluded()) {
                json.writeStartObject();
                json.writeStringField("venue", excluded.venue());
                json.writeStringField("state", excluded.state().name());
                json.writeStringField("problem", excluded.lastProblem());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("merged");
            writeReport(json, analysis.merged());
            json.writeArrayFieldStart("split");
            for (SweepReport.VenueShare share : analysis.merged().split()) {
                json.writeStartObject();
                json.writeStringField("venue", share.venue());
                json.writeStringField("takerFee", Decimals.exact(share.takerFee()));
                json.writeStringField("filled", Decimals.exact(share.filled()));
                json.writeStringField("notional", Decimals.exact(share.notional()));
                json.writeStringField("fees", Decimals.exact(share.fees()));
                json.writeStringField("share", Decimals.rounded(share.share()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeReport(JsonGenerator json, SweepReport report) throws IOException {
        json.writeStringField("sizeToFill", Decimals.exact(report.sizeToFill()));
        json.writeStringField("filled", Decimals.exact(report.filled()));
        json.writeBooleanField("complete", report.complete());
        json.writeNumberField("levels", report.levels());
        writeRounded(json, "vwap", report.vwap());
        writeRounded(json, "vwapWithFees", report.vwapWithFees());
        writeExact(json, "best", report.best());
        writeExact(json, "worst", report.worst());
        writeExact(json, "mid", report.mid());
        json.writeStringField("notional", Decimals.exact(report.notional()));
        json.writeStringField("fees", Decimals.exact(report.fees()));
        json.writeStringField("notionalWithFees", Decimals.exact(report.notionalWithFees()));
        writeExact(json, "quoteShortfall", report.quoteShortfall());
        json.writeObjectFieldStart("slippageBps");
        writeRounded(json, "vsBest", report.slippageVsBest());
        writeRounded(json, "vsMid", report.slippageVsMid());
        json.writeEndObject();
        json.writeArrayFieldStart("fills");
        for (SweepReport.Fill fill : report.fills()) {
            json.writeStartArray();
            json.writeString(Decimals.exact(fill.price()));
            json.writeString(Decimals.exact(fill.size()));
            if (report.isMerged()) {
                json.writeString(fill.venue());
            }
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private static void writeExact(JsonGenerator json, String field, BigDecimal value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, Decimals.exact(value));
        }
    }

    private static void writeRounded(JsonGenerator json, String field, BigDecimal value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, Decimals.rounded(value));
        }
    }
}
