package dev.sweep.record;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Records on a thread of its own (as aeron-archive does): the threads that receive frames only copy each one into a
 * bounded queue and return, never waiting for the compressor or the disk. The writer thread flushes the compressed
 * stream at most {@link RecordingWriter#FLUSH_NANOS} after a frame is written, even if no frame follows.
 *
 * <p>The first write error stops the recording: the file is left readable up to its last flushed frame. A queue
 * that fills up because the output does not keep up stops it too, rather than blocking the feeds or dropping frames
 * unnoticed: the frames queued before the overflow are still written and the file is ended properly. Either way
 * {@link #failure()} says why from then on, and later frames are ignored.
 */
public final class Recorder implements AutoCloseable {

    /** Frame bytes that may wait for the output: tens of seconds of all three venues' busiest books. */
    public static final long DEFAULT_QUEUE_BYTES = 64L * 1024 * 1024;

    /** What a queued frame costs beyond its bytes, so that a flood of tiny frames is bounded too. */
    private static final int ENTRY_BYTES = 64;
    /** How long {@link #close()} waits for an output that may never answer again. */
    private static final long CLOSE_TIMEOUT_MILLIS = 10_000;

    private final RecordingWriter writer;
    private final long capacityBytes;
    private final Thread thread;
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean closing;
    private volatile String failure;
    private volatile long frames;
    private volatile long bytes;

    /**
     * Starts the writer thread.
     *
     * @param capacityBytes frame bytes that may wait for the output before the recording stops
     */
    public Recorder(RecordingWriter writer, long capacityBytes) {
        this.writer = writer;
        this.capacityBytes = capacityBytes;
        this.thread = new Thread(this::run, "sweep-recorder");
        // A stuck disk must not keep the process alive once close() has given up on it.
        thread.setDaemon(true);
        thread.start();
    }

    /** Declares the instruments a venue's frames are about; before its first frame. */
    public void subscription(String venue, List<String> symbols) {
        offer(new Subscription(venue, List.copyOf(symbols)), ENTRY_BYTES);
    }

    /**
     * Queues one received frame; returns at once. Shaped as a feed's frame tap: quick, and never throws.
     *
     * @param buffer holds the frame only during the call
     */
    public void frame(String venue, int connection, long receiveEpochNanos, byte[] buffer, int offset, int length) {
        if (failure != null) {
            return;
        }
        offer(new Frame(venue, connection, receiveEpochNanos, Arrays.copyOfRange(buffer, offset, offset + length)),
                ENTRY_BYTES + (long) length);
    }

    /**
     * Queues the body of a book's REST snapshot, as the feed hands it to the connection's adapter; returns at once.
     *
     * @param symbol the book's instrument, in Sweep's spelling
     * @param buffer holds the body only during the call
     */
    public void snapshot(String venue, int connection, long receiveEpochNanos, String symbol, byte[] buffer,
                         int offset, int length) {
        if (failure != null) {
            return;
        }
        offer(new Snapshot(venue, connection, receiveEpochNanos, symbol, Arrays.copyOfRange(buffer, offset,
                offset + length)), ENTRY_BYTES + (long) length);
    }

    /** Why the recording stopped early, or null while it is sound. */
    public String failure() {
        return failure;
    }

    /** Frames written so far. */
    public long frames() {
        return frames;
    }

    /** Frame and snapshot bytes written so far, before compression. */
    public long bytes() {
        return bytes;
    }

    /**
     * Writes the frames still queued and ends the file. Gives up on an output that does not answer within ten
     * seconds.
     *
     * @throws IOException with the reason the recording stopped early, if it did
     */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        try {
            thread.join(CLOSE_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            fail("the disk did not answer for " + TimeUnit.MILLISECONDS.toSeconds(CLOSE_TIMEOUT_MILLIS) + " s");
        }
        if (failure != null) {
            throw new IOException(failure);
        }
    }

    private synchronized void offer(Entry entry, long cost) {
        if (closing || failure != null) {
            return;
        }
        if (queuedBytes + cost > capacityBytes) {
            fail("the disk did not keep up: " + size(capacityBytes) + " of frames were waiting");
            notifyAll();
            return;
        }
        queue.add(entry);
        queuedBytes += cost;
        if (queue.size() == 1) {
            notifyAll();
        }
    }

    private void run() {
        long lastFlush = System.nanoTime();
        boolean unflushed = false;
        try {
            for (Entry entry = next(unflushed, lastFlush); entry != null; entry = next(unflushed, lastFlush)) {
                if (entry instanceof Frame frame) {
                    writer.frame(frame.venue(), frame.connection(), frame.receiveEpochNanos(), frame.bytes(), 0,
                            frame.bytes().length);
                    frames = writer.frames();
                    bytes = writer.bytes();
                    unflushed = true;
                } else if (entry instanceof Snapshot snapshot) {
                    writer.snapshot(snapshot.venue(), snapshot.connection(), snapshot.receiveEpochNanos(),
                            snapshot.symbol(), snapshot.bytes(), 0, snapshot.bytes().length);
                    bytes = writer.bytes();
                    unflushed = true;
                } else if (entry instanceof Subscription subscription) {
                    writer.subscription(subscription.venue(), subscription.symbols());
                    unflushed = true;
                }
                if (entry == FLUSH || (unflushed && System.nanoTime() - lastFlush >= RecordingWriter.FLUSH_NANOS)) {
                    writer.flush();
                    lastFlush = System.nanoTime();
                    unflushed = false;
                }
            }
            writer.close();
        } catch (IOException e) {
            fail(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            synchronized (this) {
                queue.clear();
            }
            abandon();
        }
    }

    /**
     * The next entry to write, waiting for one; {@link #FLUSH} when frames wait unflushed and it is time; null
     * when the recording ends (closed, or stopped by an overflow) and everything queued is written.
     */
    private synchronized Entry next(boolean unflushed, long lastFlush) {
        while (queue.isEmpty()) {
            if (closing || failure != null) {
                return null;
            }
            long waitNanos = unflushed ? lastFlush + RecordingWriter.FLUSH_NANOS - System.nanoTime() : Long.MAX_VALUE;
            if (waitNanos <= 0) {
                return FLUSH;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        Entry entry = queue.poll();
        queuedBytes -= entry instanceof Frame frame ? ENTRY_BYTES + (long) frame.bytes().length
                : entry instanceof Snapshot snapshot ? ENTRY_BYTES + (long) snapshot.bytes().length : ENTRY_BYTES;
        return entry;
    }

    /** Keeps the first reason: what follows a failure is usually its consequence. */
    private synchronized void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
    }

    private void abandon() {
        try {
            writer.abandon();
        } catch (IOException e) {
            // The recording has already failed with the first error, the one worth reporting.
        }
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    private sealed interface Entry permits Frame, Snapshot, Subscription, Flush {
    }

    private record Frame(String venue, int connection, long receiveEpochNanos, byte[] bytes) implements Entry {
    }

    private record Snapshot(String venue, int connection, long receiveEpochNanos, String symbol, byte[] bytes)
            implements Entry {
    }

    private record Subscription(String venue, List<String> symbols) implements Entry {
    }

    /** Not written: tells the writer thread that frames have waited long enough for a flush. */
    private record Flush() implements Entry {
    }

    private static final Flush FLUSH = new Flush();
}
