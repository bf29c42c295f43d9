package dev.sweep.cli;

import static dev.sweep.cli.OrderCommandTest.SMALL;
import static dev.sweep.cli.OrderCommandTest.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input ends with one clear line on stderr and exit code 2: no stack trace, no report. */
class BadInputTest {

    /** A recording that is never written, because the command line is rejected first. */
    /** The known venues, as the messages list them. */
    private static final String KNOWN = "venues: " + String.join(", ", Venues.names());
    private static final String OUT = System.getProperty("java.io.tmpdir") + "/sweep-bad-input-never-written.swr";

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(new String[] {"sell", "-3", "--from", SMALL}, "quantity '-3' is not valid: must be a positive number"),
                Arguments.of(new String[] {"sell", "abc", "--from", SMALL}, "quantity 'abc' is not valid: not a decimal number"),
                Arguments.of(new String[] {"sell", "0", "--from", SMALL}, "quantity must be greater than 0"),
                Arguments.of(new String[] {"sell", "-0", "--from", SMALL}, "quantity '-0' is not valid: must be a positive number"),
                Arguments.of(new String[] {"sell", "1e3", "--from", SMALL}, "quantity '1e3' is not valid: exponent notation is not allowed"),
                Arguments.of(new String[] {"sell", "NaN", "--from", SMALL}, "quantity 'NaN' is not valid: not a decimal number"),
                Arguments.of(new String[] {"sell", "1".repeat(10_000), "--from", SMALL}, "is not valid: too large"),
                Arguments.of(new String[] {"sell", "0.00000000001", "--from", SMALL}, "is not valid: more than 10 decimal places"),
                Arguments.of(new String[] {"sell", "", "--from", SMALL}, "quantity '' is not valid: empty"),
                Arguments.of(new String[] {"sell", "１５", "--from", SMALL}, "is not valid: not a decimal number"),
                Arguments.of(new String[] {"buy", "--from", SMALL}, "give either a quantity (sweep buy 15) or --quote AMOUNT, not neither"),
                Arguments.of(new String[] {"buy", "1", "--quote", "5", "--from", SMALL}, "not both"),
                Arguments.of(new String[] {"buy", "--quote", "-5", "--from", SMALL}, "--quote '-5' is not valid"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--venues", "binance"}, "--venues: unknown venue 'binance' (" + SMALL + " has BTC-USD books for: kraken, coinbase)"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--venues", "kraken,kraken"}, "--venues names kraken twice"),
                Arguments.of(new String[] {"sell", "1", "--demo", "--venues", "kraken,coinbase,kraken"}, "--venues names kraken twice"),
                Arguments.of(new String[] {"sell", "1", "--demo", "--venues", "pups"}, "--venues: unknown venue 'pups' (" + KNOWN + ")"),
                Arguments.of(new String[] {"sell", "1", "--demo", "--no-convert", "--venues", "kraken,binance"}, "--venues: binance has no BTC-USD book: it quotes in USDT, which this sweep does not convert (--no-convert)"),
                Arguments.of(new String[] {"record", "--demo", "--out", OUT, "--venues", "gemini,gemini"}, "--venues names gemini twice"),
                Arguments.of(new String[] {"record", "--demo", "--out", OUT, "--venues", "krakn"}, "--venues: unknown venue 'krakn' (" + KNOWN + ")"),
                Arguments.of(new String[] {"book", "krakn", "BTC-USD", "--demo"}, "unknown venue 'krakn' (" + KNOWN + ")"),
                Arguments.of(new String[] {"sell", "1", "--demo", "--endpoint", "pups=ws://127.0.0.1:1/x"}, "--endpoint: unknown venue 'pups' (" + KNOWN + ")"),
                Arguments.of(new String[] {"book", "kraken", "BTC-USD", "--endpoint", "kraken=ws://127.0.0.1:1/a", "--endpoint", "kraken=ws://127.0.0.1:1/b"}, "--endpoint names kraken twice"),
                Arguments.of(new String[] {"sell", "1", "--endpoint", "kraken"}, "--endpoint 'kraken' must be VENUE=URL"),
                Arguments.of(new String[] {"sell", "1", "--endpoint", "kraken=http://127.0.0.1:1/x"}, "--endpoint kraken: 'http://127.0.0.1:1/x' must be a ws:// or wss:// URL"),
                Arguments.of(new String[] {"sell", "1", "--demo", "--rest-endpoint", "pups=https://127.0.0.1:1/x"}, "--rest-endpoint: unknown venue 'pups' (" + KNOWN + ")"),
                Arguments.of(new String[] {"buy", "1", "--demo", "--rest-endpoint", "kraken=https://127.0.0.1:1/x"}, "--rest-endpoint: kraken takes no REST endpoint: its WebSocket sends its snapshots"),
                Arguments.of(new String[] {"book", "kraken", "BTC-USD", "--rest-endpoint", "kraken=ws://127.0.0.1:1/x"}, "--rest-endpoint kraken: 'ws://127.0.0.1:1/x' must be an http:// or https:// URL"),
                Arguments.of(new String[] {"record", "--demo", "--out", OUT, "--rest-endpoint", "gemini=https://a b"}, "--rest-endpoint gemini: 'https://a b' is not a URL"),
                Arguments.of(new String[] {"sell", "1", "--rest-endpoint", "coinbase=https://127.0.0.1:1/a", "--rest-endpoint", "coinbase=https://127.0.0.1:1/b"}, "--rest-endpoint names coinbase twice"),
                Arguments.of(new String[] {"sell", "1", "--rest-endpoint", "kraken"}, "--rest-endpoint 'kraken' must be VENUE=URL"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--fills", "--json"}, "--fills is for the text report"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--fills", "--csv"}, "--fills is for the text report"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--json", "--csv"}, "--json and --csv each replace the report"),
                Arguments.of(new String[] {"sell", "1", "--demo", "--fills", "--watch"}, "--fills is for a single report: under --watch"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--no-convert", "--convert", "USDT=USD@1"}, "--no-convert and --convert contradict each other: choose one"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--convert", "USDT"}, "--convert: 'USDT' is not FROM=TO@RATE, e.g. USDT=USD@1"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--convert", "USDT=EUR@1"}, "--convert: USDT=EUR@1 converts into EUR, but BTC-USD is quoted in USD"),
                Arguments.of(new String[] {"buy", "1", "--from", SMALL, "--convert", "usd=USD@1"}, "--convert: usd=USD@1 converts USD into itself"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--convert", "USDT=USD@0"}, "--convert: the rate of USDT=USD@0 must be a positive decimal with at most 8 decimals"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--convert", "USDT=USD@-1"}, "--convert: the rate of USDT=USD@-1 must be a positive decimal"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--convert", "USDT=USD@1e0"}, "--convert: the rate of USDT=USD@1e0 must be a positive decimal"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--convert", "USDT=USD@0.123456789"}, "--convert: the rate of USDT=USD@0.123456789 must be a positive decimal with at most 8 decimals"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--convert", "USDT=USD@1", "--convert", "usdt=USD@2"}, "--convert: USDT is given twice"),
                Arguments.of(new String[] {"sell", "1", "--demo", "--symbol", "BTC-USDT", "--venues", "gemini"}, "--venues: gemini has no BTC-USDT book: it quotes in USD, converted into USDT only at a rate stated with --convert USD=USDT@RATE"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--symbol", "BTCUSD"}, "--symbol: symbol 'BTCUSD' is not of the form BASE-QUOTE"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--symbol", "SOL-USD"}, "has no SOL-USD book (it has: BTC-USD, ETH-USD)"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--fee", "kraken"}, "--fee 'kraken' must be RATE (for every venue), VENUE=RATE or none, e.g. kraken=0.26%"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--fee", "kraken=100%"}, "must be below 100%"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--fee", "kraken=-1%"}, "is not a rate like 0.26% or 26bps"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--fee", "kraken=0.004"}, "--fee kraken=0.004: fee '0.004' needs a unit: 0.004% for a percentage, or basis points such as 26bps"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--fee", "0.1"}, "--fee 0.1: fee '0.1' needs a unit: 0.1%"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--fee", "kraken=0.1%", "--fee", "kraken=0.2%"}, "--fee names kraken twice"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--fee", "0.1%", "--fee", "none"}, "--fee gives a rate for every venue twice: 0.1% and none"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--fee", "=0.1%"}, "--fee '=0.1%' must be RATE (for every venue), VENUE=RATE or none"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--fee", "krakn=0.1%"}, "--fee names unknown venue(s): krakn"),
                Arguments.of(new String[] {"sell", "1", "--from", "no/such/file.json"}, "cannot read no/such/file.json: no such file"),
                Arguments.of(new String[] {"sell", "1", "--from", file("books/truncated.json")}, "malformed JSON"),
                Arguments.of(new String[] {"sell", "1", "--from", file("books/crossed.json")}, "the kraken BTC-USD book is crossed: best bid 101 >= best ask 100.5"),
                Arguments.of(new String[] {"sell", "1", "--from", file("books/duplicate-price.json")}, "kraken BTC-USD bids[2]: price 100.5 is listed twice (first at [0])"),
                Arguments.of(new String[] {"sell", "1", "--from", file("books/duplicate-key.json")}, "duplicate-key.json: the key \"bids\" appears twice in one object (line 5, column 10)"),
                Arguments.of(new String[] {"sell", "1", "--from", file("books/bad-size.json")}, "kraken BTC-USD bids[0] size '-1' is not a valid amount: signs are not allowed"),
                Arguments.of(new String[] {"sell", "1", "--from", file("books/bad-truncated.json")}, "bad-truncated.json: \"truncated\" must be an array of \"bids\" and \"asks\", not 'both' (line 2)"),
                Arguments.of(new String[] {"sell", "1", "--from", file("books/reserved-name.json")}, "reserved-name.json: books[1]: venue 'merged' is the merged report's name: call the venue something else (line 7)"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--frm", "x"}, "Unknown option"),
                Arguments.of(new String[] {"short", "1"}, "unknown command 'short' (commands: buy, sell, book,"),
                Arguments.of(new String[] {"sim", "--faults", "bogus=1"}, "unknown fault 'bogus'"),
                Arguments.of(new String[] {"sim", "--faults", "drop=2"}, "fault probability must be between 0 and 1"),
                Arguments.of(new String[] {"sim", "--rate", "-1"}, "rate must be in [0, 1000000]"),
                Arguments.of(new String[] {"sim", "--rest-lag", "soon"},
                        "--rest-lag 'soon' must be a positive duration"),
                Arguments.of(new String[] {"sim", "--port", "70000"}, "port must be in [0, 65535]"),
                Arguments.of(new String[] {"sim", "--port", "x"}, "Invalid value for option '--port'"),
                Arguments.of(new String[] {"sim", "--port", "0", "--host", "nosuchhost.invalid"},
                        "cannot listen on nosuchhost.invalid:0: no such host; --host takes an address of this machine"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--interval", "99999999999999s"},
                        "--interval '99999999999999s' is too long: at most 7 days (10080m)"),
                Arguments.of(new String[] {"sell", "1", "--demo", "--timeout", "10081m"},
                        "--timeout '10081m' is too long: at most 7 days (10080m)"),
                Arguments.of(new String[] {"sell", "1", "--demo", "--timeout", "2h"},
                        "--timeout '2h' must be a positive duration such as 500ms, 2s or 1m"));
    }

    @ParameterizedTest
    @CsvSource({"sel, sell", "bok, book", "replya, replay", "recrod, record"})
    void aMistypedCommandGetsOneLineWithTheNearestCommand(String typed, String meant) {
        CliRun run = CliRun.of(typed, "1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("sweep: unknown command '" + typed + "': did you mean '" + meant + "'?\n");
    }

    @Test
    void aSimulatorOnATakenPortSaysSoAndWhatToDo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            CliRun run = CliRun.of("sim", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).isEqualTo("sweep: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": Address already in use; --host takes an address of this machine (default 127.0.0.1), --port"
                    + " a free port (0: any)\n");
        }
    }

    /**
     * A USD sweep, and the book of one venue, convert a USDT venue's book; told not to, it has no book of the symbol,
     * and naming it is one line.
     */
    @Test
    void aVenueNamedForASymbolItDoesNotQuoteInIsOneLineAndExitCodeTwo() {
        for (Venue venue : Venues.all()) {
            if (venue.lists(Instrument.of("BTC-USD"))) {
                continue;
            }
            String quotes = String.join(", ", new TreeSet<>(venue.quoteCurrencies()));

            oneClearLineAndExitCodeTwo(new String[] {"sell", "1", "--demo", "--no-convert", "--venues", venue.name()},
                    "--venues: " + venue.name() + " has no BTC-USD book: it quotes in " + quotes
                            + ", which this sweep does not convert (--no-convert)");
            oneClearLineAndExitCodeTwo(new String[] {"book", venue.name(), "BTC-USD", "--demo", "--no-convert"},
                    venue.name() + " has no BTC-USD book: it quotes in " + quotes);
        }
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void oneClearLineAndExitCodeTwo(String[] args, String expected) {
        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("sweep: ").contains(expected)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().lines().filter(line -> !line.startsWith("Try '")).count()).isEqualTo(1);
    }
}
