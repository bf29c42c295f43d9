package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a console allows: each stream judged by whether it is a terminal; NO_COLOR about colors only. */
class ConsoleTest {

    @Test
    void noColorTurnsOffColorsAndNothingElse() {
        Console console = console(true, true, Map.of("NO_COLOR", "1"));

        assertThat(console.colors()).isFalse();
        assertThat(console.redraw()).isTrue();
        assertThat(console.progress()).isTrue();
    }

    @Test
    void stdoutDecidesColorsAndRedrawStderrDecidesProgress() {
        Console pipedErr = console(true, false, Map.of());
        Console pipedOut = console(false, true, Map.of());

        assertThat(new boolean[] {pipedErr.colors(), pipedErr.redraw(), pipedErr.progress()})
                .containsExactly(true, true, false);
        assertThat(new boolean[] {pipedOut.colors(), pipedOut.redraw(), pipedOut.progress()})
                .containsExactly(false, false, true);
    }

    @Test
    void aDumbTerminalGetsNoEscapeSequences() {
        Console console = console(true, true, Map.of("TERM", "dumb"));

        assertThat(new boolean[] {console.colors(), console.redraw(), console.progress()})
                .containsExactly(false, false, false);
    }

    @Test
    void theWidthIsColumnsElseOneHundred() {
        assertThat(console(false, false, Map.of("COLUMNS", "72")).width()).isEqualTo(72);
        assertThat(console(true, false, Map.of("COLUMNS", " 180 ")).width()).isEqualTo(180);
        assertThat(console(false, false, Map.of()).width()).isEqualTo(100);
        assertThat(console(true, false, Map.of("COLUMNS", "wide")).width()).isEqualTo(100);
        assertThat(console(false, false, Map.of("COLUMNS", "-5")).width()).isEqualTo(100);
    }

    @Test
    void aTerminalIsAPseudoTerminalOrATtyNeverAPipeOrAFile() {
        assertThat(Terminals.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Terminals.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Terminals.isTerminalDevice("pipe:[81234]")).isFalse();
        assertThat(Terminals.isTerminalDevice("/dev/null")).isFalse();
        assertThat(Terminals.isTerminalDevice("/home/me/report.txt")).isFalse();
    }

    static Console console(boolean outTerminal, boolean errTerminal, Map<String, String> environment) {
        return Console.of(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), outTerminal,
                errTerminal, environment);
    }
}
