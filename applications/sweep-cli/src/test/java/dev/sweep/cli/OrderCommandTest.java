package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OrderCommandTest {

    static final String SMALL = file("books/small.json");

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void printsTheHumanReportWithoutColors() throws IOException {
        CliRun run = CliRun.of("sell", "3", "--from", SMALL, "--fee", "none");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo(resource("expected/sell-3-no-fees.txt"));
    }

    @Test
    void printsFeesAndAThinBook() throws IOException {
        CliRun run = CliRun.of("buy", "5", "--from", SMALL, "--fee", "kraken=0.26%", "--fee", "coinbase=0.6");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo(resource("expected/buy-5-fees.txt"));
    }

    @Test
    void jsonCarriesEveryFieldAsExactDecimalStrings() throws IOException {
        CliRun run = CliRun.of("sell", "3", "--from", SMALL, "--fee", "none", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).endsWith("}\n").doesNotContain("E+").doesNotContain("E-");
        JsonNode json = mapper.readTree(run.out());
        assertThat(json.get("side").asText()).isEqualTo("sell");
        assertThat(json.get("symbol").asText()).isEqualTo("BTC-USD");
        assertThat(json.get("requested").asText()).isEqualTo("3");
        assertThat(json.get("unit").asText()).isEqualTo("BTC");

        JsonNode kraken = json.get("venues").get(0);
        assertThat(kraken.get("venue").asText()).isEqualTo("kraken");
        assertThat(kraken.get("filled").isTextual()).isTrue();
        assertThat(kraken.get("filled").asText()).isEqualTo("3");
        assertThat(kraken.get("complete").asBoolean()).isTrue();
        assertThat(kraken.get("levels").asInt()).isEqualTo(2);
        assertThat(kraken.get("vwap").asText()).isEqualTo("100.167");
        assertThat(kraken.get("best").asText()).isEqualTo("100.5");
        assertThat(kraken.get("worst").asText()).isEqualTo("100");
        assertThat(kraken.get("notional").asText()).isEqualTo("300.5");
        assertThat(kraken.get("slippageBps").get("vsBest").asText()).isEqualTo("33.17");
        assertThat(kraken.get("slippageBps").get("vsMid").asText()).isEqualTo("57.90");
        assertThat(kraken.get("fills").toString()).isEqualTo("[[\"100.5\",\"1\"],[\"100\",\"2\"]]");

        JsonNode merged = json.get("merged");
        assertThat(merged.get("filled").asText()).isEqualTo("3");
        assertThat(merged.get("complete").asBoolean()).isTrue();
        assertThat(merged.get("levels").asInt()).isEqualTo(3);
        assertThat(merged.get("vwap").asText()).isEqualTo("100.3333");
        assertThat(merged.get("notional").asText()).isEqualTo("301");
        assertThat(merged.get("fills").toString()).isEqualTo(
                "[[\"100.5\",\"1\",\"kraken\"],[\"100.4\",\"0.5\",\"coinbase\"],[\"100.2\",\"1.5\",\"coinbase\"]]");
        assertThat(merged.get("split").get(0).get("venue").asText()).isEqualTo("kraken");
        assertThat(merged.get("split").get(0).get("filled").asText()).isEqualTo("1");
        assertThat(merged.get("split").get(0).get("notional").asText()).isEqualTo("100.5");
        assertThat(merged.get("split").get(0).get("share").asText()).isEqualTo("0.333333");
        assertThat(merged.get("split").get(1).get("share").asText()).isEqualTo("0.666667");
    }

    @Test
    void aQuoteAmountBuysWholeSizeUnitsOnly() throws IOException {
        CliRun run = CliRun.of("buy", "--quote", "200", "--from", SMALL, "--venues", "kraken", "--fee", "none",
                "--json");

        JsonNode kraken = mapper.readTree(run.out()).get("venues").get(0);
        // 1.5 @ 101.0 costs 151.5; the remaining 48.5 buys 48.5 / 101.5 = 0.4778325123152... BTC, floored.
        assertThat(kraken.get("filled").asText()).isEqualTo("1.9778325123");
        assertThat(kraken.get("complete").asBoolean()).isTrue();
        assertThat(mapper.readTree(run.out()).get("unit").asText()).isEqualTo("USD");
    }

    @Test
    void selectsVenuesAndSymbol() throws IOException {
        CliRun run = CliRun.of("buy", "1", "--from", SMALL, "--symbol", "eth-usd", "--json");

        JsonNode json = mapper.readTree(run.out());
        assertThat(json.get("symbol").asText()).isEqualTo("ETH-USD");
        assertThat(json.get("venues")).hasSize(1);
        assertThat(json.get("venues").get(0).get("takerFee").asText()).isEqualTo("0.004");
        assertThat(json.get("merged").get("vwap").asText()).isEqualTo("3000.2000");
    }

    @Test
    void anEmptySideIsAResultNotAnError() throws IOException {
        CliRun run = CliRun.of("sell", "1", "--from", file("books/no-bids.json"), "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode venue = mapper.readTree(run.out()).get("venues").get(0);
        assertThat(venue.get("filled").asText()).isEqualTo("0");
        assertThat(venue.get("complete").asBoolean()).isFalse();
        assertThat(venue.get("vwap").isNull()).isTrue();
        assertThat(CliRun.of("sell", "1", "--from", file("books/no-bids.json")).out())
                .startsWith("SELL 1 BTC-USD · nothing to fill: the books have no bids");
    }

    static String file(String resource) {
        try {
            return Path.of(OrderCommandTest.class.getClassLoader().getResource(resource).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = OrderCommandTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
