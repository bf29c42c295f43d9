package dev.sweep.cli;

import static dev.sweep.cli.OrderCommandTest.SMALL;
import static dev.sweep.cli.OrderCommandTest.file;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input ends with one clear line on stderr and exit code 2: no stack trace, no report. */
class BadInputTest {

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
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--venues", "binance"}, "unknown venue 'binance'"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--symbol", "BTCUSD"}, "--symbol: symbol 'BTCUSD' is not of the form BASE-QUOTE"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--symbol", "SOL-USD"}, "has no SOL-USD book (it has: BTC-USD, ETH-USD)"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--fee", "kraken"}, "--fee 'kraken' must be VENUE=RATE"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--fee", "kraken=100%"}, "must be below 100%"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--fee", "kraken=-1%"}, "is not a percentage"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--fee", "krakn=0.1%"}, "--fee names unknown venue(s): krakn"),
                Arguments.of(new String[] {"sell", "1", "--from", "no/such/file.json"}, "cannot read no/such/file.json: no such file"),
                Arguments.of(new String[] {"sell", "1", "--from", file("books/truncated.json")}, "malformed JSON"),
                Arguments.of(new String[] {"sell", "1", "--from", file("books/crossed.json")}, "the kraken BTC-USD book is crossed: best bid 101 >= best ask 100.5"),
                Arguments.of(new String[] {"sell", "1", "--from", file("books/bad-size.json")}, "kraken BTC-USD bids[0] size '-1' is not a valid amount: signs are not allowed"),
                Arguments.of(new String[] {"sell", "1", "--from", SMALL, "--frm", "x"}, "Unknown option"),
                Arguments.of(new String[] {"short", "1"}, "unknown command 'short' (commands: buy, sell, book,"),
                Arguments.of(new String[] {"sim", "--faults", "bogus=1"}, "unknown fault 'bogus'"),
                Arguments.of(new String[] {"sim", "--faults", "drop=2"}, "fault probability must be between 0 and 1"),
                Arguments.of(new String[] {"sim", "--rate", "-1"}, "rate must be in [0, 1000000]"),
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
