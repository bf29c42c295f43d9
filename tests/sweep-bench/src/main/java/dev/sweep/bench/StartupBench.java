package dev.sweep.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Start-up of the short commands, run as users run them: {@code ./sweep sell 15 --from examples/books.json} and
 * {@code ./sweep replay} of the shipped recording, each a process of its own, timed from its start to its exit. The
 * median wall time stands beside the baseline's, whose runs alternate with them: {@code java -jar sweep.jar} with the
 * JVM's defaults, the same jar without its class-data sharing archive (no launcher script either, so the baseline is
 * the faster by that much). The replay's own figure, frames per second from its first frame to its
 * last, is the median of its runs.
 *
 * <p>Run from the repository root: {@code java -cp tests/sweep-bench/target/benchmarks.jar
 * dev.sweep.bench.StartupBench [RUNS]}. The first run of each builds the jar if {@code ./sweep} would.
 */
public final class StartupBench {

    private static final Path JAR = Path.of("applications", "sweep-cli", "target", "sweep.jar");
    private static final List<List<String>> COMMANDS = List.of(
            List.of("sell", "15", "--from", "examples/books.json"),
            List.of("replay", "recordings/sim-btc-eth-10s.swr"));

    private StartupBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        System.out.println(run(args.length > 0 ? Integer.parseInt(args[0]) : 10));
    }

    /** Runs each command {@code runs} times through the launcher and as many as the baseline. */
    static String run(int runs) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder table = new StringBuilder("| start-up (" + runs + " runs, median wall) | ./sweep | baseline:"
                + " java -jar sweep.jar | vs baseline |\n|---|---|---|---|\n");
        for (List<String> command : COMMANDS) {
            List<String> launched = Launcher.command(command);
            List<String> baseline = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
            baseline.addAll(command);
            Runs sweep = new Runs(runs);
            Runs plain = new Runs(runs);
            // One unmeasured run each, then alternating runs: a machine busier for a while slows both alike.
            Launcher.run(launched);
            Launcher.run(baseline);
            for (int i = 0; i < runs; i++) {
                sweep.measure(i, launched);
                plain.measure(i, baseline);
            }
            table.append(String.format(Locale.ROOT, "| %s | %.0f ms%s | %.0f ms%s | %.1f× |%n", String.join(" ", command),
                    sweep.medianMillis(), sweep.figure(), plain.medianMillis(), plain.figure(),
                    plain.medianMillis() / sweep.medianMillis()));
        }
        return table.toString();
    }

    /** The wall times of one command line's runs, and the frames per second each printed, if any. */
    private record Runs(double[] millis, double[] framesPerSecond) {

        Runs(int runs) {
            this(new double[runs], new double[runs]);
        }

        /** Times run {@code i} of the command. */
        void measure(int i, List<String> command) throws IOException, InterruptedException {
            long start = System.nanoTime();
            String out = Launcher.run(command);
            millis[i] = (System.nanoTime() - start) / 1e6;
            framesPerSecond[i] = ReplayProcessBench.printedFramesPerSecond(out);
        }

        double medianMillis() {
            return median(millis);
        }

        /** The median frames per second the command printed, or nothing for a command that prints none. */
        String figure() {
            double median = median(framesPerSecond);
            return Double.isNaN(median) ? "" : String.format(Locale.ROOT, " (%,.0f frames/s)", median);
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
