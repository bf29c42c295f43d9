package dev.sweep.bench;

import dev.sweep.record.RecordingFormat;
import dev.sweep.record.RecordingWriter;
import dev.sweep.venue.DialectHarness;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a large Kraken v2 recording, as {@code sweep record} would have of a busy book: the frames of one connection
 * subscribing to BTC/USD (status, acknowledgements, a snapshot of 998 levels a side), then update frames of one or two
 * level changes each, mostly near the top, with true checksums. The frames are Kraken's own server side's (see
 * {@link UpdateStream}); a cycle of them leaves the book as it found it, and is written over and over, so that any
 * number of frames replays to a live book.
 *
 * <p>Run from the repository root: {@code java -cp tests/sweep-bench/target/benchmarks.jar
 * dev.sweep.bench.RecordingGenerator OUT [FRAMES] [VERSION]} (2,000,010 frames of version 2 by default).
 */
public final class RecordingGenerator {

    static final long DEFAULT_FRAMES = 2_000_010;
    private static final int LEVELS = 1000;
    /** 16,384 update frames a cycle, 4 MB: far more than either codec's window, so repeats compress no better. */
    private static final int PAIRS = 8_192;
    /** Receive times 10 µs apart: a busy feed. */
    private static final long FRAME_NANOS = 10_000;

    private final Venue kraken = Venues.byName("kraken").orElseThrow();
    private final UpdateStream stream = UpdateStream.of(kraken, LEVELS, PAIRS, 42);

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: RecordingGenerator OUT [FRAMES] [VERSION]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long frames = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_FRAMES;
        RecordingFormat format = args.length > 2 ? RecordingFormat.valueOf("VERSION_" + args[2])
                : RecordingFormat.CURRENT;
        new RecordingGenerator().write(out, format, frames);
        System.out.printf("wrote %,d Kraken frames to %s (%s)%n", frames, out, format);
    }

    /** Writes {@code frames} frames: the subscription's, then as many updates as it takes. */
    void write(Path out, RecordingFormat format, long frames) throws IOException {
        long nanos = DialectHarness.START.getEpochSecond() * 1_000_000_000L;
        try (RecordingWriter writer = RecordingWriter.create(out, format)) {
            writer.subscription(kraken.name(), List.of(UpdateStream.BTC_USD.symbol()));
            int opening = stream.subscription.size();
            for (long i = 0; i < frames; i++) {
                byte[] frame = i < opening ? stream.subscription.get((int) i)
                        : stream.updates[(int) ((i - opening) % stream.updates.length)];
                writer.frame(kraken.name(), 1, nanos + i * FRAME_NANOS, frame, 0, frame.length);
            }
        }
    }
}
