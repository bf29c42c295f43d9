package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.core.OrderSide;
import dev.sweep.core.ReferenceSweep;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The JSON the command prints agrees, digit for digit, with an independent {@link BigDecimal} computation on random
 * books written to a real book file.
 */
class JsonOutputPropertiesTest {

    /** Decimals of a size: the default instrument's. */
    private static final int SIZE_SCALE = 10;

    /** Decimals each venue quotes prices with, as real venues differ. */
    private static final Map<String, Integer> PRICE_DECIMALS = Map.of("kraken", 1, "coinbase", 2, "gemini", 2);

    private final ObjectMapper mapper = new ObjectMapper();

    @Property(tries = 100)
    void jsonMatchesTheDecimalModel(@ForAll("markets") List<ReferenceSweep.Venue> market, @ForAll OrderSide side,
                                    @ForAll("quantities") BigDecimal quantity) throws IOException {
        JsonNode json = sweep(market, side.label(), quantity.toPlainString());

        for (int i = 0; i < market.size(); i++) {
            ReferenceSweep.Venue venue = market.get(i);
            ReferenceSweep.Outcome expected = ReferenceSweep.sweepBase(List.of(venue), side, quantity);
            assertReport(json.get("venues").get(i), List.of(venue), side, expected);
            assertThat(json.get("venues").get(i).get("quoteShortfall").isNull()).isTrue();
        }
        assertReport(json.get("merged"), market, side, ReferenceSweep.sweepBase(market, side, quantity));
    }

    @Property(tries = 100)
    void jsonOfAQuoteAmountMatchesTheDecimalModel(@ForAll("markets") List<ReferenceSweep.Venue> market,
                                                  @ForAll OrderSide side, @ForAll("quoteAmounts") BigDecimal amount)
            throws IOException {
        JsonNode json = sweep(market, side.label(), "--quote", amount.toPlainString());

        for (int i = 0; i < market.size(); i++) {
            ReferenceSweep.Venue venue = market.get(i);
            ReferenceSweep.Outcome expected = ReferenceSweep.sweepQuote(List.of(venue), side, amount, SIZE_SCALE);
            assertReport(json.get("venues").get(i), List.of(venue), side, expected);
            assertThat(json.get("venues").get(i).get("quoteShortfall").asText())
                    .isEqualTo(plain(amount.subtract(expected.paid(side))));
        }
        ReferenceSweep.Outcome merged = ReferenceSweep.sweepQuote(market, side, amount, SIZE_SCALE);
        assertReport(json.get("merged"), market, side, merged);
        assertThat(json.get("merged").get("quoteShortfall").asText())
                .isEqualTo(plain(amount.subtract(merged.paid(side))));
    }

    @Property(tries = 50)
    void csvRepeatsTheJsonValueForValue(@ForAll("markets") List<ReferenceSweep.Venue> market, @ForAll OrderSide side,
                                        @ForAll("quantities") BigDecimal quantity, @ForAll boolean inQuote)
            throws IOException {
        String[] order = inQuote ? new String[] {side.label(), "--quote", quantity.movePointRight(4).toPlainString()}
                : new String[] {side.label(), quantity.toPlainString()};

        List<Map<String, String>> rows = CsvOutput.read(run(market, "--csv", order).out());

        assertThat(rows).isEqualTo(CsvOutput.expected(sweep(market, order)));
    }

    /** Runs the command with {@code --json} on the market, written to a real book file, with each venue's fee. */
    private JsonNode sweep(List<ReferenceSweep.Venue> market, String... order) throws IOException {
        return mapper.readTree(run(market, "--json", order).out());
    }

    /** Runs the command with the output option on the market, written to a real book file, with each venue's fee. */
    private static CliRun run(List<ReferenceSweep.Venue> market, String output, String... order) throws IOException {
        Path file = Files.createTempFile("sweep-books", ".json");
        try {
            Files.writeString(file, bookFile(market));
            List<String> args = new ArrayList<>(List.of(order));
            args.addAll(List.of(output, "--from", file.toString()));
            for (ReferenceSweep.Venue venue : market) {
                args.add("--fee");
                args.add(venue.name() + "=" + venue.fee().movePointRight(2).toPlainString() + "%");
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.err()).isEmpty();
            return run;
        } finally {
            Files.delete(file);
        }
    }

    private static void assertReport(JsonNode report, List<ReferenceSweep.Venue> venues, OrderSide side,
                                     ReferenceSweep.Outcome expected) {
        assertThat(report.get("filled").asText()).isEqualTo(plain(expected.filled()));
        assertThat(report.get("complete").asBoolean()).isEqualTo(expected.complete());
        assertThat(report.get("levels").asInt()).isEqualTo(expected.fills().size());
        assertThat(report.get("notional").asText()).isEqualTo(plain(expected.notional()));
        assertThat(report.get("fees").asText()).isEqualTo(plain(expected.fees()));
        assertThat(report.get("notionalWithFees").asText()).isEqualTo(plain(expected.paid(side)));
        boolean merged = venues.size() > 1;
        String fills = expected.fills().stream()
                .map(fill -> "[\"" + plain(fill.price()) + "\",\"" + plain(fill.size()) + "\""
                        + (merged ? ",\"" + fill.venue() + "\"" : "") + "]")
                .collect(Collectors.joining(",", "[", "]"));
        assertThat(report.get("fills").toString()).isEqualTo(fills);
        if (expected.filled().signum() == 0) {
            assertThat(report.get("vwap").isNull()).isTrue();
            return;
        }
        // A book file gives a venue's price precision by the decimals its prices are written with; none if empty.
        int decimals = venues.stream()
                .mapToInt(venue -> venue.bids().isEmpty() && venue.asks().isEmpty() ? 0 : PRICE_DECIMALS.get(venue.name()))
                .max().orElseThrow() + 2;
        assertThat(report.get("vwap").asText()).isEqualTo(expected.vwap(decimals).toPlainString());
        assertThat(report.get("vwapWithFees").asText()).isEqualTo(
                expected.paid(side).divide(expected.filled(), decimals, RoundingMode.HALF_EVEN).toPlainString());
        BigDecimal best = side == OrderSide.SELL
                ? expected.fills().stream().map(ReferenceSweep.Level::price).max(BigDecimal::compareTo).orElseThrow()
                : expected.fills().stream().map(ReferenceSweep.Level::price).min(BigDecimal::compareTo).orElseThrow();
        BigDecimal exactVwap = expected.notional().divide(expected.filled(), 40, RoundingMode.HALF_EVEN);
        BigDecimal cost = side == OrderSide.BUY ? exactVwap.subtract(best) : best.subtract(exactVwap);
        assertThat(report.get("best").asText()).isEqualTo(plain(best));
        assertThat(report.get("slippageBps").get("vsBest").asText()).isEqualTo(
                cost.multiply(BigDecimal.valueOf(10_000)).divide(best, 2, RoundingMode.HALF_EVEN).toPlainString());
        if (merged) {
            for (JsonNode share : report.get("split")) {
                BigDecimal filled = expected.filledByVenue().getOrDefault(share.get("venue").asText(), BigDecimal.ZERO);
                assertThat(share.get("filled").asText()).isEqualTo(plain(filled));
                assertThat(share.get("share").asText()).isEqualTo(
                        filled.divide(expected.filled(), 6, RoundingMode.HALF_EVEN).toPlainString());
            }
        }
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String bookFile(List<ReferenceSweep.Venue> market) {
        StringBuilder json = new StringBuilder("{\"books\":[");
        for (int i = 0; i < market.size(); i++) {
            ReferenceSweep.Venue venue = market.get(i);
            json.append(i == 0 ? "" : ",").append("{\"venue\":\"").append(venue.name())
                    .append("\",\"symbol\":\"BTC-USD\",\"bids\":").append(levels(venue.bids().descendingMap()))
                    .append(",\"asks\":").append(levels(venue.asks())).append('}');
        }
        return json.append("]}").toString();
    }

    private static String levels(Map<BigDecimal, BigDecimal> levels) {
        return levels.entrySet().stream()
                .map(level -> "[\"" + level.getKey().toPlainString() + "\",\"" + level.getValue().toPlainString() + "\"]")
                .collect(Collectors.joining(",", "[", "]"));
    }

    @Provide
    Arbitrary<List<ReferenceSweep.Venue>> markets() {
        return Combinators.combine(venue("kraken"), venue("coinbase"), venue("gemini")).as(List::of);
    }

    private Arbitrary<ReferenceSweep.Venue> venue(String name) {
        int decimals = PRICE_DECIMALS.get(name);
        Arbitrary<BigDecimal> fee = Arbitraries.of("0", "0.0016", "0.0026", "0.004", "0.012").map(BigDecimal::new);
        Arbitrary<BigDecimal> bid = Arbitraries.integers().between(60_000_00, 67_000_00)
                .map(cents -> BigDecimal.valueOf(cents, 2).setScale(decimals, RoundingMode.DOWN));
        Arbitrary<BigDecimal> ask = Arbitraries.integers().between(67_000_01, 74_000_00)
                .map(cents -> BigDecimal.valueOf(cents, 2).setScale(decimals, RoundingMode.UP));
        Arbitrary<BigDecimal> size = Arbitraries.longs().between(1, 400_000_000L)
                .map(satoshis -> BigDecimal.valueOf(satoshis, 8));
        return Combinators.combine(fee, Arbitraries.maps(bid, size).ofMaxSize(60), Arbitraries.maps(ask, size).ofMaxSize(60))
                .as((f, bids, asks) -> new ReferenceSweep.Venue(name, f, new TreeMap<>(bids), new TreeMap<>(asks)));
    }

    /** From a cent to about 300 BTC's worth. */
    @Provide
    Arbitrary<BigDecimal> quoteAmounts() {
        return Arbitraries.longs().between(1, 2_000_000_000L).map(cents -> BigDecimal.valueOf(cents, 2));
    }

    @Provide
    Arbitrary<BigDecimal> quantities() {
        return Arbitraries.longs().between(1, 4_000_000_000L).map(satoshis -> BigDecimal.valueOf(satoshis, 8));
    }
}
