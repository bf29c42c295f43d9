package dev.sweep.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark briefly (a few minutes on 2 cores) and writes a table: score, time per operation, bytes
 * allocated per operation, and the ratio to the baseline measured in the same run; then the heap taken by 300 deep
 * books, the end-to-end run over loopback, the HTTP service under load and the flow of book events through Kafka.
 *
 * <p>Run from the repository root: {@code ./bench} (or {@code java -cp tests/sweep-bench/target/benchmarks.jar
 * dev.sweep.bench.BenchReport [OUTPUT.md]}).
 */
public final class BenchReport {

    private BenchReport() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder()
                .include("DecodeBenchmark|KrakenVersusXChangeBenchmark|SweepBenchmark|ReplayBenchmark")
                .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .forks(1)
                .param("venue", DecodeBenchmark.venues().toArray(String[]::new))
                .addProfiler("gc")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        String table = table(results) + "\n" + MemoryFootprint.measure() + "\n"
                + EndToEndBench.run(100_000, 10) + "\n" + ServeLoadBench.run(10, 16, 4) + "\n"
                + KafkaFlowBench.run(20_000, 10) + "\n";
        System.out.println();
        System.out.println(table);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), table);
            System.out.println("written to " + args[0]);
        }
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
            String baseline = baselineOf(name);
            String ratio = "";
            if (baseline != null) {
                Double base = scores.get(baseline + params(result));
                ratio = base == null ? "" : String.format(Locale.ROOT, "%.1f×", throughput ? score / base : base / score);
            }
            table.append(String.format(Locale.ROOT, "| %s | %s | %,.0f %s | %,.0f | %s | %s |%n", name, params(result),
                    score, unit, nanosPerOp, allocation == null ? "" : String.format(Locale.ROOT, "%.0f",
                            allocation.getScore()), ratio));
        }
        return table.toString();
    }

    /** The benchmark each one is compared with, in the same run. */
    private static String baselineOf(String name) {
        if (name.equals("DecodeBenchmark.decodeAndApply")) {
            return "DecodeBenchmark.jacksonReadTreeBaseline";
        }
        if (name.equals("KrakenVersusXChangeBenchmark.sweepDecodeAndApply")) {
            return "KrakenVersusXChangeBenchmark.xchangeDecodeAndApply";
        }
        return null;
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
