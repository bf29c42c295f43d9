package dev.sweep.record;

import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.xxhash.XXHashFactory;

/**
 * A recording's file, decompressed: its uncompressed bytes, and how much of the file they took. The data ending
 * before its compressed stream does is an {@link EOFException}, whatever the codec: the file was cut short.
 */
abstract class Decompression implements Closeable {

    /** What the file is read by, and inflated into, at a time. */
    static final int BUFFER_BYTES = 64 * 1024;

    /** Reads uncompressed bytes as {@link InputStream#read(byte[], int, int)} does: -1 at the end of the data. */
    abstract int read(byte[] buffer, int offset, int length) throws IOException;

    /** Bytes of the file the decompressor has used, not merely buffered: where bad data begins. */
    abstract long position();

    /** Bytes read from the file so far: at its end, the file's length. */
    abstract long fileBytes();

    /** Version 1: one GZIP stream. */
    static Decompression gzip(InputStream file) throws IOException {
        return new Gzip(new CountingInputStream(file));
    }

    /**
     * Version 2: LZ4 frames.
     *
     * @param file buffered: the frame reader reads a few bytes at a time between blocks
     */
    static Decompression lz4(InputStream file) throws IOException {
        return new Lz4(new CountingInputStream(file));
    }

    private static final class Gzip extends Decompression {

        /** The GZIP header Java writes: magic, method, flags, time, extra flags, OS; no optional fields. */
        private static final int HEADER_BYTES = 10;

        private final CountingInputStream file;
        private final Inflating inflating;

        Gzip(CountingInputStream file) throws IOException {
            this.file = file;
            this.inflating = new Inflating(file);
        }

        @Override
        int read(byte[] buffer, int offset, int length) throws IOException {
            return inflating.read(buffer, offset, length);
        }

        @Override
        long position() {
            return HEADER_BYTES + inflating.bytesRead();
        }

        @Override
        long fileBytes() {
            return file.count();
        }

        @Override
        public void close() throws IOException {
            inflating.close();
        }

        private static final class Inflating extends GZIPInputStream {

            Inflating(InputStream in) throws IOException {
                super(in, BUFFER_BYTES);
            }

            long bytesRead() {
                return inf.getBytesRead();
            }
        }
    }

    /**
     * The frame reader reads each block whole from the stream below it, never ahead: what it has counted is what it
     * used. It reports a stream that ends early as any other error, told apart here by the file being at its end.
     */
    private static final class Lz4 extends Decompression {

        private final CountingInputStream file;
        private final LZ4FrameInputStream frames;

        Lz4(CountingInputStream file) throws IOException {
            this.file = file;
            this.frames = new LZ4FrameInputStream(file, LZ4Factory.fastestInstance().safeDecompressor(),
                    XXHashFactory.fastestInstance().hash32());
        }

        @Override
        int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return frames.read(buffer, offset, length);
            } catch (IOException e) {
                if (file.atEnd()) {
                    EOFException cut = new EOFException("the LZ4 stream ends within a block");
                    cut.initCause(e);
                    throw cut;
                }
                throw e;
            }
        }

        @Override
        long position() {
            return file.count();
        }

        @Override
        long fileBytes() {
            return file.count();
        }

        @Override
        public void close() throws IOException {
            frames.close();
        }
    }

    /** Counts the bytes read from the stream below, and notes when it ended. */
    private static final class CountingInputStream extends FilterInputStream {

        private long count;
        private boolean atEnd;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        boolean atEnd() {
            return atEnd;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            } else {
                atEnd = true;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            } else if (n < 0) {
                atEnd = true;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
