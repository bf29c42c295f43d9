package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.cli.ProgressBar.Unit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final Console NONE = Console.of(new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()), false, false, Map.of());

    @Test
    void rendersLabelBarPercentRateAndTimeLeft() {
        ProgressBar bar = new ProgressBar(NONE, "replaying s.swr", Unit.BYTES);

        assertThat(bar.render(3_000_000, 10_000_000, 2 * SECOND, 60))
                .isEqualTo("replaying s.swr [####...........]  30% 1.4 MB/s 5 s left");
    }

    @Test
    void keepsTheBarStillWhileTheFiguresChange() {
        ProgressBar bar = new ProgressBar(NONE, "replaying s.swr", Unit.BYTES);

        assertThat(bar.render(3_000_000, 10_000_000, 2 * SECOND, 60)).startsWith("replaying s.swr [####...........] ");
        assertThat(bar.render(3_000_000, 10_000_000, 200 * SECOND, 60))
                .isEqualTo("replaying s.swr [####...........]  30% 15 KB/s 7:47 left");
    }

    @Test
    void fitsTheWidthAndGivesUpTheBarBeforeTheFigures() {
        ProgressBar bar = new ProgressBar(NONE, "replaying s.swr", Unit.BYTES);

        assertThat(bar.render(3_000_000, 10_000_000, 2 * SECOND, 100)).as("the bar is at most 40 wide").hasSize(81);
        assertThat(bar.render(3_000_000, 10_000_000, 2 * SECOND, 44))
                .isEqualTo("replaying s.swr  30% 1.4 MB/s 5 s left");
        assertThat(bar.render(3_000_000, 10_000_000, 2 * SECOND, 20)).isEqualTo("replaying s.swr  30");
    }

    @Test
    void saysNothingOfRateOrTimeLeftBeforeTheFirstByte() {
        ProgressBar bar = new ProgressBar(NONE, "loading", Unit.BYTES);

        assertThat(bar.render(0, 1000, 0, 60)).isEqualTo("loading [.......................]   0%");
    }

    @Test
    void writesRatesAndLongTimesForReading() {
        ProgressBar bar = new ProgressBar(NONE, "x", Unit.BYTES);

        assertThat(bar.render(512, 1_000_000, SECOND, 30)).isEqualTo("x   0% 512 B/s 32:33 left");
        assertThat(bar.render(300 * 1024, 600 * 1024, SECOND, 40)).isEqualTo("x [####.....]  50% 300 KB/s 1 s left");
        assertThat(bar.render(1000, 1000, SECOND, 40)).isEqualTo("x [#########] 100% 1000 B/s");
        assertThat(bar.render(1, 3_600_000, SECOND, 40)).isEqualTo("x [.........]   0% 1 B/s 999:59:59 left");
        assertThat(bar.render(1, 360_000_000, SECOND, 40)).isEqualTo("x [.........]   0% 1 B/s 999:59:59 left");
    }

    @Test
    void timeIsMeasuredByTheClockAndShowsNoRate() {
        ProgressBar bar = new ProgressBar(NONE, "recording s.swr", Unit.TIME);

        assertThat(bar.render(15 * SECOND, 60 * SECOND, 15 * SECOND, 50))
                .isEqualTo("recording s.swr [###............]  25% 45 s left");
    }

    @Test
    void redrawsAtMostTenTimesASecondOnlyOnATerminalAndClearsItsLine() {
        StringWriter err = new StringWriter();
        AtomicLong clock = new AtomicLong(0);
        ProgressBar bar = new ProgressBar(Console.of(new PrintWriter(new StringWriter()), new PrintWriter(err), false,
                true, Map.of()), "x", Unit.TIME, clock::get, 30);

        bar.update(0, 10 * SECOND);
        clock.set(SECOND / 20);
        bar.update(SECOND / 20, 10 * SECOND);
        assertThat(err.toString()).as("nothing for work shorter than a redraw").isEmpty();
        clock.set(SECOND / 10);
        bar.update(SECOND / 10, 10 * SECOND);
        clock.set(SECOND / 10 + 1);
        bar.update(SECOND / 10 + 1, 10 * SECOND);
        bar.clear();
        bar.clear();

        assertThat(err.toString()).isEqualTo("\rx [.........]   1% 10 s left\u001b[K\r\u001b[2K");
    }

    @Test
    void isSilentWhenStderrIsNotATerminal() {
        StringWriter err = new StringWriter();
        AtomicLong clock = new AtomicLong(0);
        ProgressBar bar = new ProgressBar(Console.of(new PrintWriter(new StringWriter()), new PrintWriter(err), true, false,
                Map.of()),
                "x", Unit.TIME, clock::get, 30);

        clock.set(SECOND);
        bar.update(SECOND, 10 * SECOND);
        bar.clear();

        assertThat(err.toString()).isEmpty();
    }
}
