package dev.sweep.bench;

import dev.sweep.record.RecordingListener;
import dev.sweep.record.RecordingReader;
import dev.sweep.record.Replay;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import net.jpountz.lz4.LZ4FrameInputStream;

/**
 * Where the time of a replay goes, one stage per process: {@code inflate} only decompresses the file (the codec's
 * library alone, into one reused array), {@code read} reads its records through Sweep's reader and hands each frame to
 * a listener that does nothing (decompression on the reader's thread, the records' framing), {@code replay} replays
 * it as {@code sweep replay} does (the adapters too). Each prints its time from the file's opening to its end, so that
 * start-up is left out; run each in a JVM of its own with the flags {@code ./sweep} gives a large recording (none).
 *
 * <p>Run from the repository root: {@code java -cp tests/sweep-bench/target/benchmarks.jar dev.sweep.bench.ReplaySplit
 * FILE inflate|read|replay}, FILE written by {@link RecordingGenerator}.
 */
public final class ReplaySplit {

    private ReplaySplit() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ReplaySplit FILE inflate|read|replay");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        long start = System.nanoTime();
        String what = switch (args[1]) {
            case "inflate" -> inflate(file) + " bytes decompressed";
            case "read" -> read(file, new Ignoring()) + " frames read";
            case "replay" -> {
                Replay replay = new Replay();
                read(file, replay);
                yield replay.frames() + " frames replayed, " + replay.rejected() + " rejected, " + replay.broken()
                        + " books broken";
            }
            default -> throw new IllegalArgumentException("not a stage: " + args[1]);
        };
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %s in %.3f s%n", args[1], what, seconds);
    }

    /** The file's uncompressed bytes, counted: GZIP (version 1) or LZ4 (version 2), told apart by the first byte. */
    private static long inflate(Path file) throws IOException {
        byte[] buffer = new byte[256 * 1024];
        long total = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            raw.mark(1);
            int first = raw.read();
            raw.reset();
            try (InputStream in = first == 0x1f ? new GZIPInputStream(raw, 64 * 1024) : new LZ4FrameInputStream(raw)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    total += n;
                }
            }
        }
        return total;
    }

    private static long read(Path file, RecordingListener listener) throws IOException {
        try (RecordingReader reader = RecordingReader.open(file)) {
            while (reader.next(listener)) {
                // The listener does the stage's work.
            }
            if (reader.problem() != null) {
                throw new IOException(file + " is " + reader.problem());
            }
            return reader.frames();
        }
    }

    /** Takes each record and does nothing with it. */
    private static final class Ignoring implements RecordingListener {

        @Override
        public void onSubscription(String venue, List<String> symbols) {
        }

        @Override
        public void onFrame(String venue, int connection, long receiveEpochNanos, byte[] buffer, int offset,
                            int length) {
        }

        @Override
        public void onSnapshot(String venue, int connection, long receiveEpochNanos, String symbol, byte[] buffer,
                               int offset, int length) {
        }
    }
}
