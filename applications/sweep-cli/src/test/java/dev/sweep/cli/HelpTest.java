package dev.sweep.cli;

import dev.sweep.report.VenueTexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command's help is printed whole: exit 0, nothing on stderr, no format specifier left unrendered. */
class HelpTest {

    /** What a help text shows when a {@code String.format} pattern was printed raw: {@code %1$s}, {@code %%}. */
    static final Pattern FORMAT_LEFTOVER = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*[a-zA-Z%]");

    /** The root command (no name) and every subcommand, as registered. */
    static Stream<String> commands() {
        Console console = Console.of(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, false, Map.of());
        return Stream.concat(Stream.of(""), Main.commandLine(console).getSubcommands().keySet().stream());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpIsPrintedWhole(String command) {
        CliRun run = command.isEmpty() ? CliRun.of("--help") : CliRun.of(command, "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).isEmpty();
        assertThat(leftovers(run.out())).isEmpty();
        assertThat(run.out()).startsWith("Usage: sweep" + (command.isEmpty() ? "" : " " + command));
    }

    @Test
    void aCommandNamedFirstIsTheOneBuiltAndTheRootsHelpListsThemAll() {
        Console console = Console.of(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false,
                false, Map.of());
        List<String> all = List.copyOf(Main.commandLine(console).getSubcommands().keySet());

        assertThat(Main.commandLine(console, new String[] {"sell", "15"}).getSubcommands().keySet())
                .containsExactly("sell");
        assertThat(Main.commandLine(console, new String[] {"replay", "x.swr"}).getSubcommands().keySet())
                .containsExactly("replay");
        assertThat(Main.commandLine(console, new String[] {"--verbose", "sell", "15"}).getSubcommands().keySet())
                .containsExactlyElementsOf(all);
        assertThat(Main.commandLine(console, new String[] {"completion"}).getSubcommands().keySet())
                .containsExactlyElementsOf(all);
        assertThat(CliRun.of("--help").out()).contains(" sell ", " replay ", " serve ", " completion ");
    }

    @Test
    void theOrderExamplesNameTheirOwnSide() {
        assertThat(CliRun.of("sell", "--help").out())
                .contains("  sweep sell 15 --demo ",
                        "  sweep sell --quote 1000000 --fee " + VenueTexts.example() + "=0.26%\n")
                .doesNotContain("sweep buy");
        assertThat(CliRun.of("buy", "--help").out())
                .contains("  sweep buy 15 --demo ",
                        "  sweep buy --quote 1000000 --fee " + VenueTexts.example() + "=0.26%\n")
                .doesNotContain("sweep sell");
    }

    @Test
    void recordAndPublishShareTheirStreamOptions() {
        assertThat(streamOptions(CliRun.of("publish", "--help").out()))
                .isEqualTo(streamOptions(CliRun.of("record", "--help").out()))
                .hasSize(3)
                .anySatisfy(line -> assertThat(line).contains("--duration=DURATION", "Stop after this long"));
    }

    /** The help's lines of --venues, --symbols and --duration. */
    private static List<String> streamOptions(String help) {
        return help.lines().filter(line -> line.matches(" +--(venues|symbols|duration)=.*")).toList();
    }

    static List<String> leftovers(String text) {
        return FORMAT_LEFTOVER.matcher(text).results().map(MatchResult::group).toList();
    }
}
