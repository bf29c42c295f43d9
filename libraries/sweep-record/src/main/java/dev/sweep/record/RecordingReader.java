package dev.sweep.record;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
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
 * of the file or at the first incomplete or invalid record; {@link #problem()} then tells where and why, and every
 * record before was delivered.
 */
public final class RecordingReader implements AutoCloseable {

    /** A frame larger than this is taken as corruption rather than allocated. */
    public static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    private final DataInputStream in;
    private byte[] frame = new byte[64 * 1024];
    private final byte[] name = new byte[255];
    private final List<String> names = new ArrayList<>();
    private long offset;
    private long records;
    private String problem;

    private RecordingReader(InputStream file) {
        this.in = new DataInputStream(new BufferedInputStream(file, 64 * 1024));
    }

    /**
     * Opens a recording and checks its header.
     *
     * @throws IOException with a one-line reason when the file cannot be read or is not a recording
     */
    public static RecordingReader open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        RecordingReader reader;
        try {
            reader = new RecordingReader(new GZIPInputStream(raw, 64 * 1024));
        } catch (ZipException | EOFException e) {
            raw.close();
            throw new IOException(file + " is not a Sweep recording (not GZIP)");
        }
        byte[] magic = new byte[RecordingWriter.MAGIC.length];
        try {
            reader.in.readFully(magic);
        } catch (IOException e) {
            reader.close();
            throw new IOException(file + " is not a Sweep recording (no header)");
        }
        if (!Arrays.equals(magic, RecordingWriter.MAGIC)) {
            reader.close();
            throw new IOException(file + " is not a Sweep recording (bad header)");
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
            } else if (type == RecordingWriter.FRAME) {
                String venue = readString();
                int connection = in.readInt();
                long receiveNanos = in.readLong();
                int length = in.readInt();
                offset += 16;
                if (length < 0 || length > MAX_FRAME_BYTES) {
                    return stop(start, "frame length " + length + " out of range");
                }
                if (frame.length < length) {
                    frame = new byte[Math.max(length, frame.length * 2)];
                }
                in.readFully(frame, 0, length);
                offset += length;
                listener.onFrame(venue, connection, receiveNanos, frame, 0, length);
            } else {
                return stop(start, "unknown record type " + type);
            }
            records++;
            return true;
        } catch (EOFException e) {
            return stop(start, "truncated record");
        } catch (IOException e) {
            return stop(start, "unreadable data (" + e.getMessage() + ")");
        }
    }

    /** Records delivered so far. */
    public long records() {
        return records;
    }

    /** Why reading stopped before the end, with the offset, or null when the recording was complete. */
    public String problem() {
        return problem;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean stop(long start, String reason) {
        problem = reason + " at offset " + start + " (after " + records + " valid records)";
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
}
