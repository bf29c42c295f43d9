package dev.sweep.record;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a recording (see {@code FORMAT.md}) record by record into a {@link RecordingListener}. It stops at the end
 * of the file or at the first incomplete or invalid record; {@link #problem()} then says after which frame and
 * where, and every frame before it was delivered.
 */
public final class RecordingReader implements AutoCloseable {

    /** A frame larger than this is taken as corruption rather than allocated. */
    public static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    /** The GZIP header Java writes: magic, method, flags, time, extra flags, OS; no optional fields. */
    private static final int GZIP_HEADER_BYTES = 10;

    private final CountingInputStream file;
    private final Decompressor decompressor;
    private final DataInputStream in;
    private byte[] frame = new byte[64 * 1024];
    private final byte[] name = new byte[255];
    private final List<String> names = new ArrayList<>();
    private long offset;
    private long frames;
    private String problem;

    private RecordingReader(CountingInputStream file, Decompressor decompressor) {
        this.file = file;
        this.decompressor = decompressor;
        this.in = new DataInputStream(new BufferedInputStream(decompressor, 64 * 1024));
    }

    /**
     * Opens a recording and checks its header.
     *
     * @throws RecordingFormatException when the file is not a recording
     * @throws IOException              when the file cannot be read
     */
    public static RecordingReader open(Path path) throws IOException {
        CountingInputStream file = new CountingInputStream(Files.newInputStream(path));
        RecordingReader reader;
        try {
            reader = new RecordingReader(file, new Decompressor(file));
        } catch (ZipException | EOFException e) {
            file.close();
            throw new RecordingFormatException(path + " is not a Sweep recording (not GZIP)");
        } catch (IOException e) {
            file.close();
            throw e;
        }
        byte[] magic = new byte[RecordingWriter.MAGIC.length];
        try {
            reader.in.readFully(magic);
        } catch (IOException e) {
            reader.close();
            throw new RecordingFormatException(path + " is not a Sweep recording (no header)");
        }
        if (!Arrays.equals(magic, RecordingWriter.MAGIC)) {
            reader.close();
            throw new RecordingFormatException(path + " is not a Sweep recording (bad header)");
        }
        reader.offset = magic.length;
        return reader;
    }

    /**
     * Delivers the next record.
     *
     * @return false at the end of the recording, or at a bad record (see {@link #problem()})
     */
    public boolean next(RecordingListener listener) {
        long start = offset;
        try {
            int type = in.read();
            if (type < 0) {
                return false;
            }
            offset++;
            if (type == RecordingWriter.SUBSCRIPTION) {
                String venue = readString();
                int count = in.readUnsignedByte();
                offset++;
                List<String> symbols = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    symbols.add(readString());
                }
                listener.onSubscription(venue, symbols);
            } else if (type == RecordingWriter.FRAME || type == RecordingWriter.SNAPSHOT) {
                String venue = readString();
                int connection = in.readInt();
                long receiveNanos = in.readLong();
                offset += 12;
                String symbol = type == RecordingWriter.SNAPSHOT ? readString() : null;
                int length = in.readInt();
                offset += 4;
                if (length < 0 || length > MAX_FRAME_BYTES) {
                    return damaged((symbol == null ? "frame" : "snapshot") + " length " + length
                            + " out of range at byte " + start + " of the uncompressed data");
                }
                if (frame.length < length) {
                    frame = new byte[Math.max(length, frame.length * 2)];
                }
                in.readFully(frame, 0, length);
                offset += length;
                if (symbol == null) {
                    listener.onFrame(venue, connection, receiveNanos, frame, 0, length);
                    frames++;
                } else {
                    listener.onSnapshot(venue, connection, receiveNanos, symbol, frame, 0, length);
                }
            } else {
                return damaged("unknown record type " + type + " at byte " + start + " of the uncompressed data");
            }
            return true;
        } catch (EOFException e) {
            problem = "truncated after frame " + frames + " (the file ends at byte " + file.count() + ")";
            return false;
        } catch (IOException e) {
            return damaged("unreadable compressed data after byte " + decompressor.position() + ": "
                    + e.getMessage());
        }
    }

    /** Frames delivered so far. */
    public long frames() {
        return frames;
    }

    /** Bytes of the file decompressed so far: how far through it the reader is. */
    public long position() {
        return decompressor.position();
    }

    /**
     * Why reading stopped before the end, or null when the recording was complete: {@code truncated after frame 740
     * (the file ends at byte 80000)}, or {@code damaged after frame 740 (...)} with what was found and where.
     */
    public String problem() {
        return problem;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean damaged(String what) {
        problem = "damaged after frame " + frames + " (" + what + ")";
        return false;
    }

    /** Reads a short name; the few names of a recording are kept, so that frames do not allocate one each. */
    private String readString() throws IOException {
        int length = in.readUnsignedByte();
        in.readFully(name, 0, length);
        offset += 1 + length;
        for (String known : names) {
            if (known.length() == length && matches(known, length)) {
                return known;
            }
        }
        String fresh = new String(name, 0, length, StandardCharsets.US_ASCII);
        names.add(fresh);
        return fresh;
    }

    private boolean matches(String known, int length) {
        for (int i = 0; i < length; i++) {
            if (known.charAt(i) != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** Counts the bytes read from the file. */
    private static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
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

    /** Knows how much of the file the decompressor has used, not merely buffered: where bad data begins. */
    private static final class Decompressor extends GZIPInputStream {

        Decompressor(InputStream in) throws IOException {
            super(in, 64 * 1024);
        }

        long position() {
            return GZIP_HEADER_BYTES + inf.getBytesRead();
        }
    }
}
