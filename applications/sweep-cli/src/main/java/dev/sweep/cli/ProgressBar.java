package dev.sweep.cli;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of long work on one line of stderr, redrawn in place at most ten times a second and cleared at the end:
 * {@code replaying s.swr [#####.......]  30% 1.4 MB/s 5 s left}. Silent unless stderr is a terminal, and for work
 * shorter than one redraw.
 */
final class ProgressBar {

    /** What {@code done} and {@code total} count. */
    enum Unit {
        /** Bytes of input: the rate is shown. */
        BYTES("100% 1023 KB/s 59:59 left"),
        /** Nanoseconds of work that lasts a set time, e.g. a recording: the rate would say nothing. */
        TIME("100% 59:59 left");

        /** The room kept for the figures, so that the bar does not jump as they change. */
        private final int figures;

        Unit(String widest) {
            this.figures = widest.length();
        }
    }

    static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final int MIN_BAR = 5;
    private static final int MAX_BAR = 40;
    private static final long MAX_SECONDS_LEFT = 999 * 3600 + 59 * 60 + 59;

    private final Console console;
    private final String label;
    private final Unit unit;
    private final LongSupplier clock;
    private final int width;
    private final long startNanos;
    private long drawnNanos;
    private boolean shown;

    ProgressBar(Console console, String label, Unit unit) {
        this(console, label, unit, System::nanoTime, console.width());
    }

    ProgressBar(Console console, String label, Unit unit, LongSupplier clock, int width) {
        this.console = console;
        this.label = label;
        this.unit = unit;
        this.clock = clock;
        this.width = width;
        this.startNanos = clock.getAsLong();
        this.drawnNanos = startNanos;
    }

    /** Redraws the line if the last redraw is old enough. */
    void update(long done, long total) {
        if (!console.progress()) {
            return;
        }
        long now = clock.getAsLong();
        if (now - drawnNanos < REDRAW_NANOS) {
            return;
        }
        drawnNanos = now;
        // Erasing after the text rather than before keeps the line from flickering.
        console.err().print("\r" + render(done, total, now - startNanos, width) + "\u001b[K");
        console.err().flush();
        shown = true;
    }

    /** Erases the line, so that what follows starts on a clean one. */
    void clear() {
        if (shown) {
            console.err().print("\r\u001b[2K");
            console.err().flush();
            shown = false;
        }
    }

    /**
     * The line for {@code done} of {@code total} after {@code elapsedNanos}, at most {@code width - 1} characters
     * (writing the last column makes some terminals wrap): the bar goes first when room is short.
     */
    String render(long done, long total, long elapsedNanos, int width) {
        long percent = total <= 0 ? 0 : Math.min(100, Math.max(0, done) * 100 / total);
        StringBuilder figures = new StringBuilder(String.format(Locale.ROOT, "%3d%%", percent));
        if (unit == Unit.BYTES && done > 0 && elapsedNanos > 0) {
            figures.append(' ').append(rate(done * 1e9 / elapsedNanos));
        }
        if (done > 0 && done < total && (unit == Unit.TIME || elapsedNanos > 0)) {
            double nanosLeft = unit == Unit.TIME ? total - done : (double) (total - done) * elapsedNanos / done;
            figures.append(' ').append(timeLeft((long) Math.ceil(nanosLeft / 1e9)));
        }
        int room = width - 1;
        int bar = Math.min(MAX_BAR, room - label.length() - " [".length() - "] ".length()
                - Math.max(unit.figures, figures.length()));
        String line;
        if (bar >= MIN_BAR) {
            int filled = (int) (bar * percent / 100);
            line = label + " [" + "#".repeat(filled) + ".".repeat(bar - filled) + "] " + figures;
        } else {
            line = label + " " + figures;
        }
        return line.length() <= room ? line : line.substring(0, Math.max(0, room));
    }

    private static String rate(double bytesPerSecond) {
        if (bytesPerSecond < 1024) {
            return (long) bytesPerSecond + " B/s";
        }
        if (bytesPerSecond < 1024 * 1024) {
            return Math.round(bytesPerSecond / 1024) + " KB/s";
        }
        return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / (1024 * 1024));
    }

    private static String timeLeft(long seconds) {
        long s = Math.min(seconds, MAX_SECONDS_LEFT);
        if (s < 60) {
            return s + " s left";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d:%02d left", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d left", s / 3600, s / 60 % 60, s % 60);
    }
}
