package dev.sweep.report.render;

import dev.sweep.core.SweepAnalysis;
import dev.sweep.core.ConversionRate;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.SweepReport;
import dev.sweep.core.VenueConversion;
import dev.sweep.feed.BookView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders the summaries of an analysis as CSV (RFC 4180): a header line, then one row per venue swept, per venue
 * left out, and for the merged book. Every value is written as in the JSON (README, "JSON output"); a value that does
 * not exist is an empty field.
 */
public final class CsvRenderer {

    /** The columns, named after the JSON fields they repeat. */
    public static final List<String> COLUMNS = List.of("source", "side", "symbol", "requested", "unit", "venue",
            "state", "ageMs", "problem", "takerFeePct", "sizeToFill", "filled", "complete", "levels", "vwap",
            "vwapWithFees", "best", "worst", "mid", "notional", "fees", "notionalWithFees", "quoteShortfall",
            "slippageBpsVsBest", "slippageBpsVsMid", "verified", "quote", "ratePair", "rate", "rateSource", "rateAgeMs",
            "nativeVwap", "truncated", "truncatedAt");

    private static final String LINE_END = "\r\n";

    /** The header line. */
    public String header() {
        return line(COLUMNS);
    }

    /** The rows of one analysis, without the header. */
    public String rows(SweepOutput output) {
        SweepAnalysis analysis = output.analysis();
        StringBuilder out = new StringBuilder();
        for (SweepReport venue : analysis.venues()) {
            BookView view = output.view(venue.label());
            String age = view.ageNanos() < 0 ? null : Long.toString(TimeUnit.NANOSECONDS.toMillis(view.ageNanos()));
            List<String> row = row(output, venue.label(), view.state().name(), age, null,
                    Decimals.feePercentNumber(venue.takerFee()), venue, view.verified());
            row.addAll(quote(view, analysis.conversion(venue.label()).orElse(null), analysis.instrument()));
            boolean truncated = output.truncated(venue);
            row.add(Boolean.toString(truncated));
            row.add(truncated ? Integer.toString(output.sweptLevels(venue)) : null);
            out.append(line(row));
        }
        for (BookView excluded : output.excluded()) {
            List<String> row = row(output, excluded.venue(), excluded.state().name(), null, excluded.lastProblem(),
                    null, null, excluded.verified());
            row.addAll(quote(excluded, null, analysis.instrument()));
            row.addAll(Arrays.asList(null, null));
            out.append(line(row));
        }
        List<String> merged = row(output, SweepReport.MERGED, null, null, null, null, analysis.merged(),
                output.unverified().isEmpty());
        merged.addAll(Collections.nCopies(COLUMNS.indexOf("truncated") - merged.size(), null));
        merged.add(Boolean.toString(!output.truncatedInMerged().isEmpty()));
        merged.add(null);
        out.append(line(merged));
        return out.toString();
    }

    private static List<String> row(SweepOutput output, String venue, String state, String ageMs, String problem,
                                    String takerFee, SweepReport report, boolean verified) {
        SweepAnalysis analysis = output.analysis();
        List<String> row = new ArrayList<>(Arrays.asList(output.source(), analysis.request().side().label(),
                analysis.instrument().symbol(), Decimals.exact(analysis.request().amount()),
                analysis.request().unit(analysis.instrument()), venue, state, ageMs, problem, takerFee));
        if (report == null) {
            row.addAll(Collections.nCopies(COLUMNS.indexOf("verified") - row.size(), null));
        } else {
            row.addAll(Arrays.asList(Decimals.exact(report.sizeToFill()), Decimals.exact(report.filled()),
                    Boolean.toString(report.complete()), Integer.toString(report.levels()), rounded(report.vwap()),
                    rounded(report.vwapWithFees()), exact(report.best()), exact(report.worst()), exact(report.mid()),
                    Decimals.exact(report.notional()), Decimals.exact(report.fees()),
                    Decimals.exact(report.notionalWithFees()), exact(report.quoteShortfall()),
                    rounded(report.slippageVsBest()), rounded(report.slippageVsMid())));
        }
        // Last, after the columns of earlier versions, so that a reader counting columns still finds them.
        row.add(Boolean.toString(verified));
        return row;
    }

    /** The columns after {@code verified}: the book's currency, and the rate it was converted at, if it was. */
    private static List<String> quote(BookView view, VenueConversion conversion, Instrument instrument) {
        String quote = view.book().instrument().quote();
        if (conversion == null) {
            return Arrays.asList(quote, null, null, null, null, null);
        }
        ConversionRate rate = conversion.rate();
        return Arrays.asList(quote, rate.pair(), Decimals.exact(FixedPoint.toBigDecimal(rate.rate(),
                        instrument.priceScale())), rate.source(),
                rate.ageNanos() < 0 ? null : Long.toString(TimeUnit.NANOSECONDS.toMillis(rate.ageNanos())),
                rounded(conversion.nativeVwap()));
    }

    private static String exact(BigDecimal value) {
        return value == null ? null : Decimals.exact(value);
    }

    private static String rounded(BigDecimal value) {
        return value == null ? null : Decimals.rounded(value);
    }

    /** One record: fields quoted when they hold a comma, a quote or a line break, with quotes doubled. */
    private static String line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String field = fields.get(i) == null ? "" : fields.get(i);
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\r') >= 0
                    || field.indexOf('\n') >= 0) {
                line.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                line.append(field);
            }
        }
        return line.append(LINE_END).toString();
    }
}
