package dev.sweep.bench;

import dev.sweep.record.RecordingFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./sweep replay} of a large generated recording ({@link RecordingGenerator}), run as users run it (through the
 * script, with the JVM flags it picks), the whole process timed from its start to its exit: start-up, decompression
 * and the adapters. Beside it, the figure the command prints itself, from its first frame to its last: what the
 * difference leaves is start-up and exit. The same frames are written in each version, and the current one (LZ4) is
 * reported beside version 1 (GZIP), replayed in the same run.
 *
 * <p>Run from the repository root, with the command's jar built ({@code ./mvnw -B -q -DskipTests -pl
 * applications/sweep-cli,tests/sweep-bench -am package}): {@code java -cp tests/sweep-bench/target/benchmarks.jar
 * dev.sweep.bench.ReplayProcessBench [FRAMES]}. An unmeasured first run builds the jar if {@code ./sweep} would.
 */
public final class ReplayProcessBench {

    private static final Pattern FRAMES_PER_SECOND = Pattern.compile(": (\\d+) frames/s");

    private ReplayProcessBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        System.out.println(run(args.length > 0 ? Long.parseLong(args[0]) : RecordingGenerator.DEFAULT_FRAMES));
    }

    /** Writes {@code frames} frames in each version, replays each in a process of its own, and describes both. */
    static String run(long frames) throws IOException, InterruptedException {
        Launcher.run(Launcher.command(List.of("replay", "--help")));
        Path folder = Files.createTempDirectory("sweep-replay-bench");
        Path current = folder.resolve("current.swr");
        Path gzip = folder.resolve("version1.swr");
        try {
            RecordingGenerator generator = new RecordingGenerator();
            generator.write(current, RecordingFormat.CURRENT, frames);
            generator.write(gzip, RecordingFormat.VERSION_1, frames);
            Run currentRun = replay(current, frames);
            Run gzipRun = replay(gzip, frames);
            return String.format(Locale.ROOT, "./sweep replay of %,d Kraken frames, the whole process: %s from %,d MB"
                            + " of %s; baseline %s from %,d MB of %s: %.1f×", frames, currentRun.describe(frames),
                    Files.size(current) >> 20, RecordingFormat.CURRENT, gzipRun.describe(frames),
                    Files.size(gzip) >> 20, RecordingFormat.VERSION_1, gzipRun.seconds() / currentRun.seconds());
        } finally {
            Files.deleteIfExists(current);
            Files.deleteIfExists(gzip);
            Files.delete(folder);
        }
    }

    /**
     * The frames per second {@code sweep replay} printed, from its first frame to its last, or NaN in output that
     * holds none.
     */
    static double printedFramesPerSecond(String output) {
        Matcher figure = FRAMES_PER_SECOND.matcher(output);
        return figure.find() ? Double.parseDouble(figure.group(1)) : Double.NaN;
    }

    /** {@code ./sweep replay FILE} to its exit, which must be clean. */
    private static Run replay(Path file, long frames) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String output = Launcher.run(Launcher.command(List.of("replay", file.toString())));
        double seconds = (System.nanoTime() - start) / 1e9;
        // A replay that stopped early or complained would be measuring something else.
        if (output.contains("sweep:") || !output.replace(",", "").contains(" " + frames + " frames")) {
            throw new IllegalStateException("sweep replay " + file + " did not replay every frame: " + output);
        }
        return new Run(seconds, printedFramesPerSecond(output));
    }

    /** One replay: its process's wall time, and the rate it printed. */
    private record Run(double seconds, double printed) {

        String describe(long frames) {
            return String.format(Locale.ROOT, "%,.0f frames/s in %.2f s (%,.0f frames/s from the first frame to the"
                    + " last, as it prints)", frames / seconds, seconds, printed);
        }
    }
}
