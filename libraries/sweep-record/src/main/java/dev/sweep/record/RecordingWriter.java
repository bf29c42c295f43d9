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
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Writes a recording (see {@code FORMAT.md}), of the current version unless told otherwise. Not thread-safe, and it
 * compresses and writes on the caller's thread: a {@link Recorder} gives it a thread of its own, fed by the threads
 * that receive the frames.
 */
public final class RecordingWriter implements AutoCloseable {

    static final int FRAME = 1;
    static final int SUBSCRIPTION = 2;
    static final int SNAPSHOT = 3;

    /** Longest time a written frame waits before the compressed stream is flushed to the output. */
    public static final long FLUSH_NANOS = 200_000_000L;

    /**
     * LZ4 blocks of up to 256 KB, each flush ending a smaller one: on Kraken's frames they came out 5% smaller than
     * 64 KB blocks, and decompressed faster (fewer calls, the same 64 KB window).
     */
    private static final LZ4FrameOutputStream.BLOCKSIZE LZ4_BLOCK = LZ4FrameOutputStream.BLOCKSIZE.SIZE_256KB;

    private final OutputStream output;
    private final DataOutputStream out;
    private long frames;
    private long bytes;
    private boolean closed;

    private RecordingWriter(OutputStream output, RecordingFormat format) throws IOException {
        this.output = output;
        this.out = new DataOutputStream(new BufferedOutputStream(compressed(output, format), 64 * 1024));
        out.write(format.magic());
    }

    private static OutputStream compressed(OutputStream output, RecordingFormat format) throws IOException {
        return switch (format) {
            case VERSION_1 -> new GZIPOutputStream(output, 64 * 1024, true);
            // Independent blocks, each with its checksum: a damaged block is found as such, and the blocks before it
            // read back.
            case VERSION_2 -> new LZ4FrameOutputStream(output, LZ4_BLOCK, -1L,
                    LZ4Factory.fastestInstance().fastCompressor(), XXHashFactory.fastestInstance().hash32(),
                    LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE, LZ4FrameOutputStream.FLG.Bits.BLOCK_CHECKSUM);
        };
    }

    /** Creates (or replaces) a recording file, of the current version. */
    public static RecordingWriter create(Path file) throws IOException {
        return create(file, RecordingFormat.CURRENT);
    }

    /** Creates (or replaces) a recording file of this version. */
    public static RecordingWriter create(Path file, RecordingFormat format) throws IOException {
        return create(Files.newOutputStream(file), format);
    }

    /** Writes a recording to any output, e.g. one that fails as a full disk does. */
    public static RecordingWriter create(OutputStream output) throws IOException {
        return create(output, RecordingFormat.CURRENT);
    }

    /** Writes a recording of this version to any output. */
    public static RecordingWriter create(OutputStream output, RecordingFormat format) throws IOException {
        try {
            return new RecordingWriter(output, format);
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
