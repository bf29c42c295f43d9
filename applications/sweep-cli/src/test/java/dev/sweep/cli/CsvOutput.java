package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.sweep.report.render.CsvRenderer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CSV read back with Jackson's RFC 4180 parser, and the rows the JSON of the same sweep says it must hold. */
final class CsvOutput {

    private static final Set<String> TOP_LEVEL = Set.of("source", "side", "symbol", "requested", "unit");
    /** The columns of a converted venue's rate, and the field of the JSON's {@code rate} each repeats. */
    private static final Map<String, String> RATE = Map.of("ratePair", "pair", "rate", "rate", "rateSource", "source",
            "rateAgeMs", "ageMs");
    private static final Set<String> VENUE_ONLY = Set.of("state", "ageMs", "takerFee");

    private CsvOutput() {
    }

    /** The records, each as column → value, in order; the header must be exactly the documented columns. */
    static List<Map<String, String>> read(String csv) throws IOException {
        assertThat(csv).startsWith(String.join(",", CsvRenderer.COLUMNS) + "\r\n");
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }

    /** The rows the JSON document implies: the venues swept, the venues left out, then the merged book. */
    static List<Map<String, String>> expected(JsonNode json) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode venue : json.get("venues")) {
            rows.add(row(json, venue, venue.get("venue").asText(), true));
        }
        for (JsonNode excluded : json.get("excluded")) {
            Map<String, String> row = row(json, null, excluded.get("venue").asText(), false);
            row.put("state", excluded.get("state").asText());
            row.put("problem", text(excluded.get("problem")));
            row.put("verified", text(excluded.get("verified")));
            row.put("quote", text(excluded.get("quote")));
            rows.add(row);
        }
        rows.add(row(json, json.get("merged"), "merged", false));
        return rows;
    }

    private static Map<String, String> row(JsonNode json, JsonNode report, String venue, boolean swept) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String column : CsvRenderer.COLUMNS) {
            String value;
            if (TOP_LEVEL.contains(column)) {
                value = text(json.get(column));
            } else if (column.equals("venue")) {
                value = venue;
            } else if (report == null || column.equals("problem") || VENUE_ONLY.contains(column) && !swept) {
                value = "";
            } else if (RATE.containsKey(column)) {
                JsonNode rate = report.get("rate");
                value = rate == null ? "" : text(rate.get(RATE.get(column)));
            } else if (column.equals("truncated") && report.get(column).isArray()) {
                value = Boolean.toString(!report.get(column).isEmpty()); // the merged book's: the venues it ran off
            } else if (column.startsWith("slippageBps")) {
                value = text(report.get("slippageBps").get(column.equals("slippageBpsVsBest") ? "vsBest" : "vsMid"));
            } else {
                value = text(report.get(column));
            }
            row.put(column, value);
        }
        return row;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }
}
