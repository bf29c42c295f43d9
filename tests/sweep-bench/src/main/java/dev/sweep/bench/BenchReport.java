package dev.sweep.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark briefly (a few minutes on 2 cores) and writes a table: score, time per operation, bytes
 * allocated per operation, and the ratio to the baseline measured in the same run; then the heap taken by 300 deep
 * books, the end-to-end runs over loopback (the simulator in its own JVM, at 50,000 and 100,000 updates/s), the HTTP
 * service under load, the flow of book events through Kafka, {@code sweep replay} of a large recording as a process of
 * its own, and the start-up of the short commands.
 *
 * <p>Run from the repository root: {@code ./bench} (or {@code java -cp tests/sweep-bench/target/benchmarks.jar
 * dev.sweep.bench.BenchReport [OUTPUT.md]}).
 */
public final class BenchReport {

    private BenchReport() {
    }

    public static void main(String[] args) throws Exception {
        // Decoding, the hot path, in two forks: a fork's JIT decisions can differ from the next one's.
        List<RunResult> results = new ArrayList<>(new Runner(brief("DecodeBenchmark", 2)
                .param("venue", DecodeBenchmark.venues().toArray(String[]::new))
                .addProfiler("gc")
                .build()).run());
        results.addAll(new Runner(brief("KrakenVersusXChangeBenchmark|SweepBenchmark|ReplayBenchmark", 1)
                .addProfiler("gc")
                .build()).run());
        Collection<RunResult> latencies = new Runner(brief("DecodeBenchmark.decodeAndApply", 2)
                .param("venue", DecodeBenchmark.venues().toArray(String[]::new))
                .mode(Mode.SampleTime).timeUnit(TimeUnit.NANOSECONDS)
                .build()).run();
        String table = table(results) + "\n" + latencyTable(latencies) + "\n" + MemoryFootprint.measure() + "\n"
                + EndToEndBench.report() + "\n" + ServeLoadBench.run(10, 16, 4) + "\n"
                + KafkaFlowBench.run(20_000, 10) + "\n" + ReplayProcessBench.run(RecordingGenerator.DEFAULT_FRAMES)
                + "\n" + StartupBench.run(10) + "\n";
        System.out.println();
        System.out.println(table);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), table);
            System.out.println("written to " + args[0]);
        }
    }

    /** One or two short forks: a few minutes for the whole report on 2 cores. */
    private static ChainedOptionsBuilder brief(String include, int forks) {
        return new OptionsBuilder()
                .include(include)
                .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .forks(forks);
    }

    /** The time each frame took, from a sample of single operations: the tail a mean hides. */
    private static String latencyTable(Collection<RunResult> results) {
        StringBuilder table = new StringBuilder("| decode + apply, one frame | p50 ns | p99 ns | p99.9 ns |\n"
                + "|---|---|---|---|\n");
        for (RunResult result : results) {
            var statistics = result.getPrimaryResult().getStatistics();
            table.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f |%n", params(result),
                    statistics.getPercentile(50), statistics.getPercentile(99), statistics.getPercentile(99.9)));
        }
        return table.toString();
    }

    private static String table(Collection<RunResult> results) {
        Map<String, Double> scores = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder("| benchmark | params | score | ns/op | B/op | vs baseline |\n"
                + "|---|---|---|---|---|---|\n");
        for (RunResult result : results) {
            scores.put(key(result), result.getPrimaryResult().getScore());
        }
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceFirst("^dev\\.sweep\\.bench\\.", "");
            double score = result.getPrimaryResult().getScore();
            String unit = result.getPrimaryResult().getScoreUnit();
            boolean throughput = unit.endsWith("/s");
            double nanosPerOp = throughput ? 1e9 / score : score;
            var allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
            StringJoiner ratio = new StringJoiner(" · ");
            for (Baseline baseline : baselinesOf(name)) {
                Double base = scores.get(baseline.benchmark() + params(result));
                if (base != null) {
                    ratio.add(String.format(Locale.ROOT, "%.1f× %s", throughput ? score / base : base / score,
                            baseline.label()));
                }
            }
            table.append(String.format(Locale.ROOT, "| %s | %s | %,.0f %s | %,.0f | %s | %s |%n", name, params(result),
                    score, unit, nanosPerOp, allocation == null ? "" : String.format(Locale.ROOT, "%.0f",
                            allocation.getScore()), ratio));
        }
        return table.toString();
    }

    /** A benchmark another is compared with, in the same run, and how the table names it. */
    private record Baseline(String benchmark, String label) {
    }

    /** The benchmarks each one is compared with. */
    private static List<Baseline> baselinesOf(String name) {
        if (name.equals("DecodeBenchmark.decodeAndApply")) {
            return List.of(new Baseline("DecodeBenchmark.jacksonReadTreeBaseline", "Jackson tree"),
                    new Baseline("DecodeBenchmark.jacksonStreamingBaseline", "Jackson streaming"),
                    new Baseline("DecodeBenchmark.cursorWalkBaseline", "cursor walk"));
        }
        if (name.equals("KrakenVersusXChangeBenchmark.sweepDecodeAndApply")) {
            return List.of(new Baseline("KrakenVersusXChangeBenchmark.xchangeDecodeAndApply", "XChange"));
        }
        return List.of();
    }

    private static String key(RunResult result) {
        return result.getParams().getBenchmark().replaceFirst("^dev\\.sweep\\.bench\\.", "") + params(result);
    }

    private static String params(RunResult result) {
        StringBuilder params = new StringBuilder();
        for (String name : result.getParams().getParamsKeys()) {
            params.append(params.length() == 0 ? "" : " ").append(name).append('=')
                    .append(result.getParams().getParam(name));
        }
        return params.toString();
    }
}
