package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Hostile values in every argument and in book files: the answer is a report (exit 0) or one clear line (exit 2),
 * never an internal error, a stack trace or a hang.
 */
class HostileInputPropertiesTest {

    private static final List<String> OPTIONS = List.of("QTY", "--quote", "--symbol", "--venues", "--fee", "--interval");

    @Property(tries = 400)
    void hostileArgumentsGetAClearLine(@ForAll("options") String option, @ForAll("hostile") String value) {
        List<String> args = new ArrayList<>(List.of("sell"));
        if (option.equals("QTY")) {
            args.add(value);
        } else {
            args.addAll(List.of("1", option, value));
        }
        args.addAll(List.of("--from", OrderCommandTest.SMALL));
        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertClean(run);
    }

    @Property(tries = 300)
    void mutatedBookFilesGetAClearLine(@ForAll @IntRange(min = 0, max = 100_000) int position,
                                       @ForAll("hostile") String insert) throws IOException {
        String original = Files.readString(Path.of(OrderCommandTest.SMALL));
        int at = position % original.length();
        Path file = Files.createTempFile("hostile", ".json");
        try {
            Files.writeString(file, original.substring(0, at) + insert + original.substring(at));
            assertClean(CliRun.of("buy", "2", "--from", file.toString()));
        } finally {
            Files.delete(file);
        }
    }

    private static void assertClean(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.USAGE);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
        if (run.exitCode() == ExitCode.USAGE) {
            assertThat(run.err()).startsWith("sweep: ");
            assertThat(run.out()).isEmpty();
        }
    }

    @Provide
    Arbitrary<String> options() {
        return Arbitraries.of(OPTIONS);
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "-0", "0", "NaN", "Infinity", "-Infinity", "1e400", "0x10", "１５", "١٥",
                        "15\u0000", "15\n", "\"", "[", "{", "}", "]", ",", ":", "null", "true", "-", ".", "..", "1..2",
                        "9".repeat(10_000), "0." + "0".repeat(10_000) + "1", "kraken=", "=0.1%", "kraken=NaN%",
                        "kraken=1e3%", "BTC-", "-USD", "BTC--USD", "ÄÖÜ-USD", "btc-usd", "kraken,,coinbase", "0ms",
                        "99999999999s", "2h", "\uD83D\uDCA9"),
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withChars("0123456789.-+eE%=,").ofMaxLength(25));
    }
}
