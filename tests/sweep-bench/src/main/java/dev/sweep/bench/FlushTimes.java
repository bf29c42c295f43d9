package dev.sweep.bench;

import dev.sweep.sim.FlushProbe;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * The simulator's own part of one venue's latency, in the simulator's JVM: from the time each update was due to its
 * frame written to the connection, and to the flush that took it to the socket. What a client measures beyond the
 * second is loopback and the client. Recorded on the simulator's loop without allocating; read, an interval at a
 * time, from any other thread. Both times of a frame are recorded under one lock, which the interval is taken under
 * too, so that the two histograms of an interval count the same frames.
 */
final class FlushTimes implements FlushProbe {

    /** Larger than any lateness a run of a minute can have; longer ones are recorded as this. */
    static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final String venue;
    private Histogram toWritten = new Histogram(HIGHEST_NANOS, 3);
    private Histogram toFlushed = new Histogram(HIGHEST_NANOS, 3);

    FlushTimes(String venue) {
        this.venue = venue;
    }

    @Override
    public synchronized void onFlushed(String venue, long dueNanos, long writtenNanos, long flushedNanos) {
        if (venue.equals(this.venue)) {
            toWritten.recordValue(clamp(writtenNanos - dueNanos));
            toFlushed.recordValue(clamp(flushedNanos - dueNanos));
        }
    }

    private static long clamp(long nanos) {
        return Math.min(HIGHEST_NANOS, Math.max(0, nanos));
    }

    /** Due to written, then due to flushed, since the last call: each as {@link #encode} writes it. */
    String takeInterval() {
        Histogram written;
        Histogram flushed;
        synchronized (this) {
            written = toWritten;
            flushed = toFlushed;
            toWritten = new Histogram(HIGHEST_NANOS, 3);
            toFlushed = new Histogram(HIGHEST_NANOS, 3);
        }
        // Encoded outside the lock, which the simulator's loop waits for.
        return encode(written) + " " + encode(flushed);
    }

    /** A histogram in one word: its compressed form in Base64. */
    static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /** The histogram {@link #encode} wrote. */
    static Histogram decode(String word) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(word)), 0);
        } catch (DataFormatException e) {
            throw new IllegalStateException("not a histogram: " + word, e);
        }
    }
}
