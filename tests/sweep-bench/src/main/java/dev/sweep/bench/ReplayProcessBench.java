package dev.sweep.bench;

import dev.sweep.record.RecordingFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code sweep replay} of a large generated recording ({@link RecordingGenerator}), the whole process timed from its
 * start to its exit: start-up, decompression and the adapters. The same frames are written in each version, and the
 * current one (LZ4) is reported beside version 1 (GZIP), replayed in the same run.
 *
 * <p>Run from the repository root, with the command's jar built ({@code ./mvnw -B -q -DskipTests -pl
 * applications/sweep-cli,tests/sweep-bench -am package}): {@code java -cp tests/sweep-bench/target/benchmarks.jar
 * dev.sweep.bench.ReplayProcessBench [FRAMES]}.
 */
public final class ReplayProcessBench {

    static final Path SWEEP_JAR = Path.of("applications", "sweep-cli", "target", "sweep.jar");

    private ReplayProcessBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        System.out.println(run(args.length > 0 ? Long.parseLong(args[0]) : RecordingGenerator.DEFAULT_FRAMES));
    }

    /** Writes {@code frames} frames in each version, replays each in a process of its own, and describes both. */
    static String run(long frames) throws IOException, InterruptedException {
        if (!Files.isRegularFile(SWEEP_JAR)) {
            throw new IllegalStateException(SWEEP_JAR + " is missing: build it with ./mvnw -B -q -DskipTests -pl"
                    + " applications/sweep-cli -am package, and run from the repository root");
        }
        Path folder = Files.createTempDirectory("sweep-replay-bench");
        Path current = folder.resolve("current.swr");
        Path gzip = folder.resolve("version1.swr");
        try {
            RecordingGenerator generator = new RecordingGenerator();
            generator.write(current, RecordingFormat.CURRENT, frames);
            generator.write(gzip, RecordingFormat.VERSION_1, frames);
            double currentSeconds = replay(current, frames);
            double gzipSeconds = replay(gzip, frames);
            return String.format(Locale.ROOT, "sweep replay of %,d Kraken frames, the whole process: %,.0f frames/s"
                            + " in %.2f s from %,d MB of %s; baseline %,.0f frames/s in %.2f s from %,d MB of %s:"
                            + " %.1f×", frames, frames / currentSeconds, currentSeconds, Files.size(current) >> 20,
                    RecordingFormat.CURRENT, frames / gzipSeconds, gzipSeconds, Files.size(gzip) >> 20,
                    RecordingFormat.VERSION_1, gzipSeconds / currentSeconds);
        } finally {
            Files.deleteIfExists(current);
            Files.deleteIfExists(gzip);
            Files.delete(folder);
        }
    }

    /** Seconds from starting {@code sweep replay FILE} to its exit, which must be clean. */
    private static double replay(Path file, long frames) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", SWEEP_JAR.toString(), "replay",
                file.toString()).redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = builder.start();
        String output;
        try (InputStream stdout = process.getInputStream()) {
            output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        // A replay that stopped early or complained would be measuring something else.
        if (exit != 0 || output.contains("sweep:") || !output.replace(",", "").contains(" " + frames + " frames")) {
            throw new IllegalStateException("sweep replay " + file + " exited " + exit + ": " + output);
        }
        return seconds;
    }
}
