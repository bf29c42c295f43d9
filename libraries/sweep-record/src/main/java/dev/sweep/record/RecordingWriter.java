package dev.sweep.record;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a recording (see {@code FORMAT.md}). Thread-safe: the frames of several venues arrive on several threads.
 * It flushes the compressed stream every {@link #FLUSH_NANOS}, so a recording killed mid-way loses at most that
 * much.
 */
public final class RecordingWriter implements AutoCloseable {

    static final byte[] MAGIC = "SWR1".getBytes(StandardCharsets.US_ASCII);
    static final int FRAME = 1;
    static final int SUBSCRIPTION = 2;

    /** Longest time between flushes of the compressed stream. */
    public static final long FLUSH_NANOS = 200_000_000L;

    private final DataOutputStream out;
    private long frames;
    private long bytes;
    private long lastFlushNanos = System.nanoTime();
    private boolean closed;

    private RecordingWriter(OutputStream file) throws IOException {
        this.out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(file, 64 * 1024, true),
                64 * 1024));
        out.write(MAGIC);
    }

    /** Creates (or replaces) a recording file. */
    public static RecordingWriter create(Path file) throws IOException {
        return new RecordingWriter(Files.newOutputStream(file));
    }

    /** Declares the instruments a venue's frames are about. */
    public synchronized void subscription(String venue, List<String> symbols) {
        try {
            out.writeByte(SUBSCRIPTION);
            writeString(venue);
            out.writeByte(symbols.size());
            for (String symbol : symbols) {
                writeString(symbol);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends one received frame. */
    public synchronized void frame(String venue, int connection, long receiveEpochNanos, byte[] buffer, int offset,
                                   int length) {
        if (closed) {
            return;
        }
        try {
            out.writeByte(FRAME);
            writeString(venue);
            out.writeInt(connection);
            out.writeLong(receiveEpochNanos);
            out.writeInt(length);
            out.write(buffer, offset, length);
            frames++;
            bytes += length;
            long now = System.nanoTime();
            if (now - lastFlushNanos > FLUSH_NANOS) {
                out.flush();
                lastFlushNanos = now;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized long frames() {
        return frames;
    }

    /** Frame bytes recorded, before compression. */
    public synchronized long bytes() {
        return bytes;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }

    private void writeString(String text) throws IOException {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length > 255) {
            throw new IllegalArgumentException("name too long: " + text);
        }
        out.writeByte(ascii.length);
        out.write(ascii);
    }
}
