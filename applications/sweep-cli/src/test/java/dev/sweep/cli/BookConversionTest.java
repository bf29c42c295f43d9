package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep book} of a venue that lists only USDT books, over the simulator: its BTC-USDT book converted to USD,
 * the bids at the best live USDT-USD bid and the asks at the best ask, each rounded against the taker, the rates
 * named; {@code --no-convert} keeps the one line and exit 2 ({@link BadInputTest}).
 */
@Timeout(60)
class BookConversionTest {

    private static final Instrument BTC_USDT = Instrument.of("BTC-USDT");
    private static final Instrument USDT_USD = Instrument.of("USDT-USD");

    private final ObjectMapper mapper = new ObjectMapper();
    private final Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(200));

    @TempDir
    Path logs;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void theJsonIsTheUsdtBookConvertedLevelByLevelAtTheBestRateOfEachSide() throws IOException {
        simulator.advance(2_000);
        simulator.pause();
        CliRun run = CliRun.of(args("book", "binance", "BTC-USD", "--json"));

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode book = mapper.readTree(run.out()).get("books").get(0);
        OrderBook kraken = simulator.truth("kraken", USDT_USD);
        OrderBook coinbase = simulator.truth("coinbase", USDT_USD);
        OrderBook bidSource = kraken.bestBid() >= coinbase.bestBid() ? kraken : coinbase;
        OrderBook askSource = kraken.bestAsk() <= coinbase.bestAsk() ? kraken : coinbase;
        assertThat(book.get("venue").asText()).isEqualTo("binance");
        assertThat(book.get("symbol").asText()).isEqualTo("BTC-USD");
        assertThat(book.get("quote").asText()).isEqualTo("USDT");
        assertRate(book.at("/rates/bids"), bidSource.bestBid(), bidSource.venue());
        assertRate(book.at("/rates/asks"), askSource.bestAsk(), askSource.venue());

        OrderBook truth = simulator.truth("binance", BTC_USDT);
        assertLevels(book.get("bids"), truth.side(Side.BID), decimal(bidSource.bestBid()), RoundingMode.FLOOR);
        assertLevels(book.get("asks"), truth.side(Side.ASK), decimal(askSource.bestAsk()), RoundingMode.CEILING);
    }

    @Test
    void theTableNamesBothRatesTheirSourcesAndAges() {
        CliRun run = CliRun.of("book", "okx", "BTC-USD", "--depth", "3", "--demo", "--log-dir", logs.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("okx BTC-USD · LIVE · ");
        assertThat(lines.get(1)).matches("USDT book converted to USD: bids at 1 USDT = 0\\.99\\d+ USD \\(the USDT-USD"
                + " bid on (kraken|coinbase), \\d+ ms old\\), asks at 1 USDT = 0\\.99\\d+ USD \\(the USDT-USD ask on"
                + " (kraken|coinbase), \\d+ ms old\\)");
        assertThat(lines.get(2)).startsWith("spread ");
        assertThat(lines).hasSize(8);
    }

    private static void assertRate(JsonNode rate, long price, String source) {
        assertThat(rate.get("pair").asText()).isEqualTo("USDT-USD");
        assertThat(new BigDecimal(rate.get("rate").asText())).isEqualByComparingTo(decimal(price));
        assertThat(rate.get("source").asText()).isEqualTo(source);
        assertThat(rate.get("ageMs").asLong()).isNotNegative();
    }

    /** Each level's price × rate at 8 decimals, rounded {@code rounding}, and its size unchanged. */
    private static void assertLevels(JsonNode levels, BookSide truth, BigDecimal rate, RoundingMode rounding) {
        assertThat(levels).hasSize(truth.depth());
        for (int i = 0; i < truth.depth(); i++) {
            BigDecimal price = decimal(truth.price(i)).multiply(rate).setScale(8, rounding);
            assertThat(new BigDecimal(levels.get(i).get(0).asText())).as("level " + i).isEqualByComparingTo(price);
            assertThat(new BigDecimal(levels.get(i).get(1).asText())).as("size " + i)
                    .isEqualByComparingTo(FixedPoint.toBigDecimal(truth.size(i), BTC_USDT.sizeScale()));
        }
    }

    private static BigDecimal decimal(long price) {
        return FixedPoint.toBigDecimal(price, BTC_USDT.priceScale());
    }

    /** The command against the simulator: every venue's WebSocket and REST endpoints. */
    private String[] args(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--log-dir", logs.toString()));
        for (String name : Venues.names()) {
            args.add("--endpoint");
            args.add(name + "=" + simulator.endpoint(name));
        }
        for (Venue rest : Venues.all()) {
            if (rest.restSnapshots().isPresent()) {
                args.add("--rest-endpoint");
                args.add(rest.name() + "=" + simulator.restEndpoint(rest.name()));
            }
        }
        return args.toArray(String[]::new);
    }
}
