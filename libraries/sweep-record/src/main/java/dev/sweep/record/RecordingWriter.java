package dev.sweep.record;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a recording (see {@code FORMAT.md}). Not thread-safe, and it compresses and writes on the caller's thread:
 * a {@link Recorder} gives it a thread of its own, fed by the threads that receive the frames.
 */
public final class RecordingWriter implements AutoCloseable {

    static final byte[] MAGIC = "SWR1".getBytes(StandardCharsets.US_ASCII);
    static final int FRAME = 1;
    static final int SUBSCRIPTION = 2;
    static final int SNAPSHOT = 3;

    /** Longest time a written frame waits before the compressed stream is flushed to the output. */
    public static final long FLUSH_NANOS = 200_000_000L;

    private final OutputStream output;
    private final DataOutputStream out;
    private long frames;
    private long bytes;
    private boolean closed;

    private RecordingWriter(OutputStream output) throws IOException {
        this.output = output;
        this.out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(output, 64 * 1024, true),
                64 * 1024));
        out.write(MAGIC);
    }

    /** Creates (or replaces) a recording file. */
    public static RecordingWriter create(Path file) throws IOException {
        return create(Files.newOutputStream(file));
    }

    /** Writes a recording to any output, e.g. one that fails as a full disk does. */
    public static RecordingWriter create(OutputStream output) throws IOException {
        try {
            return new RecordingWriter(output);
        } catch (IOException e) {
            output.close();
            throw e;
        }
    }

    /** Declares the instruments a venue's frames are about. */
    public void subscription(String venue, List<String> symbols) throws IOException {
        out.writeByte(SUBSCRIPTION);
        writeString(venue);
        out.writeByte(symbols.size());
        for (String symbol : symbols) {
            writeString(symbol);
        }
    }

    /** Appends one received frame. */
    public void frame(String venue, int connection, long receiveEpochNanos, byte[] buffer, int offset, int length)
            throws IOException {
        out.writeByte(FRAME);
        writeString(venue);
        out.writeInt(connection);
        out.writeLong(receiveEpochNanos);
        out.writeInt(length);
        out.write(buffer, offset, length);
        frames++;
        bytes += length;
    }

    /**
     * Appends the body of a book's snapshot fetched over REST for a venue whose WebSocket sends none (Binance), at
     * the time it was handed to the connection's adapter: replay hands it to the adapter at the same point.
     *
     * @param symbol the book's instrument, in Sweep's spelling ({@code BTC-USD})
     */
    public void snapshot(String venue, int connection, long receiveEpochNanos, String symbol, byte[] buffer,
                         int offset, int length) throws IOException {
        out.writeByte(SNAPSHOT);
        writeString(venue);
        out.writeInt(connection);
        out.writeLong(receiveEpochNanos);
        writeString(symbol);
        out.writeInt(length);
        out.write(buffer, offset, length);
        bytes += length;
    }

    /** Pushes every frame written so far through the compressor to the output: a reader can then see them. */
    public void flush() throws IOException {
        out.flush();
    }

    public long frames() {
        return frames;
    }

    /** Frame and snapshot bytes recorded, before compression. */
    public long bytes() {
        return bytes;
    }

    /** Ends the compressed stream and closes the output. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }

    /**
     * Closes the output without ending the compressed stream, after a write failed: what was flushed before stays
     * readable, and nothing more is attempted on an output that just failed.
     */
    public void abandon() throws IOException {
        if (!closed) {
            closed = true;
            output.close();
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
