package dev.sweep.record;

import java.io.EOFException;
import java.io.IOException;

/**
 * The uncompressed data of a recording, read big-endian from a buffer of its own: a record is read in place, and a
 * frame handed on from the buffer, with no copy and no call per byte (as {@code DataInputStream} makes).
 */
final class RecordInput {

    private final Decompression source;
    private byte[] buffer = new byte[ReadAhead.CHUNK_BYTES];
    private int position;
    private int limit;
    /** Bytes of the data before {@code buffer[0]}. */
    private long base;

    RecordInput(Decompression source) {
        this.source = source;
    }

    /** Bytes of the data read so far. */
    long offset() {
        return base + position;
    }

    /** Whether the data has ended here; false if more of it follows. */
    boolean atEnd() throws IOException {
        return position == limit && !fill(1);
    }

    int readUnsignedByte() throws IOException {
        require(1);
        return buffer[position++] & 0xFF;
    }

    int readInt() throws IOException {
        require(4);
        int value = (buffer[position] & 0xFF) << 24 | (buffer[position + 1] & 0xFF) << 16
                | (buffer[position + 2] & 0xFF) << 8 | buffer[position + 3] & 0xFF;
        position += 4;
        return value;
    }

    long readLong() throws IOException {
        require(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | buffer[position + i] & 0xFF;
        }
        position += 8;
        return value;
    }

    /**
     * Makes the next {@code length} bytes readable in place, at {@link #buffer()} from {@link #position()}, and
     * consumes them: they stay there until the next read.
     */
    void take(int length) throws IOException {
        require(length);
        position += length;
    }

    /** Where the bytes last taken are: valid until the next read. */
    byte[] buffer() {
        return buffer;
    }

    /** Where the bytes just taken end, in {@link #buffer()}. */
    int position() {
        return position;
    }

    void close() throws IOException {
        source.close();
    }

    private void require(int length) throws IOException {
        if (limit - position < length && !fill(length)) {
            throw new EOFException("the data ends within a record");
        }
    }

    /** Reads until {@code length} bytes are available, moving or growing the buffer as needed; false at the end. */
    private boolean fill(int length) throws IOException {
        int available = limit - position;
        if (buffer.length < length) {
            byte[] larger = new byte[Math.max(length, buffer.length * 2)];
            System.arraycopy(buffer, position, larger, 0, available);
            buffer = larger;
        } else {
            System.arraycopy(buffer, position, buffer, 0, available);
        }
        base += position;
        position = 0;
        limit = available;
        while (limit < length) {
            int n = source.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                return false;
            }
            limit += n;
        }
        return true;
    }
}
