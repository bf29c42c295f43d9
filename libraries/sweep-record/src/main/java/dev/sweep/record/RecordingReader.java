package dev.sweep.record;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Reads a recording (see {@code FORMAT.md}), of either version, record by record into a {@link RecordingListener}.
 * It stops at the end of the file or at the first incomplete or invalid record; {@link #problem()} then says after
 * which frame and where, and every frame before it was delivered. The file is decompressed on a thread of its own.
 */
public final class RecordingReader implements AutoCloseable {

    /** A frame larger than this is taken as corruption rather than allocated. */
    public static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    /** How each codec's stream starts. */
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
    private static final byte[] LZ4_MAGIC = {0x04, 0x22, 0x4d, 0x18};

    private final Decompression decompression;
    private final RecordInput in;
    private final List<Name> names = new ArrayList<>();
    private final RecordingFormat format;
    private long frames;
    private String problem;

    private RecordingReader(Decompression decompression, RecordingFormat format) {
        this.decompression = new ReadAhead(decompression, "sweep-recording-reader");
        this.in = new RecordInput(this.decompression);
        this.format = format;
    }

    /**
     * Opens a recording and checks its header.
     *
     * @throws RecordingFormatException when the file is not a recording
     * @throws IOException              when the file cannot be read
     */
    public static RecordingReader open(Path path) throws IOException {
        InputStream file = new BufferedInputStream(Files.newInputStream(path), Decompression.BUFFER_BYTES);
        RecordingFormat format;
        Decompression decompression;
        try {
            format = codecOf(file);
            decompression = format == RecordingFormat.VERSION_1 ? Decompression.gzip(file)
                    : format == RecordingFormat.VERSION_2 ? Decompression.lz4(file) : null;
        } catch (ZipException | EOFException e) {
            file.close();
            throw new RecordingFormatException(path + " is not a Sweep recording (not GZIP)");
        } catch (IOException e) {
            file.close();
            throw e;
        }
        if (decompression == null) {
            file.close();
            throw new RecordingFormatException(path + " is not a Sweep recording (neither GZIP nor LZ4)");
        }
        RecordingReader reader = new RecordingReader(decompression, format);
        byte[] magic = reader.format.magic();
        try {
            reader.in.take(magic.length);
        } catch (IOException e) {
            reader.close();
            throw new RecordingFormatException(path + " is not a Sweep recording (no header)");
        }
        if (!Arrays.equals(reader.in.buffer(), reader.in.position() - magic.length, reader.in.position(), magic, 0,
                magic.length)) {
            reader.close();
            throw new RecordingFormatException(path + " is not a Sweep recording (bad header)");
        }
        return reader;
    }

    /** The version whose codec the file starts as, or null; reads nothing the codec will not read again. */
    private static RecordingFormat codecOf(InputStream file) throws IOException {
        file.mark(LZ4_MAGIC.length);
        byte[] start = file.readNBytes(LZ4_MAGIC.length);
        file.reset();
        return startsWith(start, GZIP_MAGIC) ? RecordingFormat.VERSION_1
                : startsWith(start, LZ4_MAGIC) ? RecordingFormat.VERSION_2 : null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Which version the file is. */
    public RecordingFormat format() {
        return format;
    }

    /**
     * Delivers the next record.
     *
     * @return false at the end of the recording, or at a bad record (see {@link #problem()})
     */
    public boolean next(RecordingListener listener) {
        long start = in.offset();
        try {
            if (in.atEnd()) {
                return false;
            }
            int type = in.readUnsignedByte();
            if (type == RecordingWriter.SUBSCRIPTION) {
                String venue = readString();
                int count = in.readUnsignedByte();
                List<String> symbols = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    symbols.add(readString());
                }
                listener.onSubscription(venue, symbols);
            } else if (type == RecordingWriter.FRAME || type == RecordingWriter.SNAPSHOT) {
                String venue = readString();
                int connection = in.readInt();
                long receiveNanos = in.readLong();
                String symbol = type == RecordingWriter.SNAPSHOT ? readString() : null;
                int length = in.readInt();
                if (length < 0 || length > MAX_FRAME_BYTES) {
                    return damaged((symbol == null ? "frame" : "snapshot") + " length " + length
                            + " out of range at byte " + start + " of the uncompressed data");
                }
                in.take(length);
                if (symbol == null) {
                    listener.onFrame(venue, connection, receiveNanos, in.buffer(), in.position() - length, length);
                    frames++;
                } else {
                    listener.onSnapshot(venue, connection, receiveNanos, symbol, in.buffer(), in.position() - length,
                            length);
                }
            } else {
                return damaged("unknown record type " + type + " at byte " + start + " of the uncompressed data");
            }
            return true;
        } catch (InterruptedIOException e) {
            problem = "interrupted after frame " + frames;
            return false;
        } catch (EOFException e) {
            problem = "truncated after frame " + frames + " (the file ends at byte " + decompression.fileBytes() + ")";
            return false;
        } catch (IOException e) {
            return damaged("unreadable compressed data after byte " + decompression.position() + ": "
                    + e.getMessage());
        }
    }

    /** Frames delivered so far. */
    public long frames() {
        return frames;
    }

    /** Bytes of the file decompressed so far: how far through it the reader is. */
    public long position() {
        return decompression.position();
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

    /**
     * Reads a short name; the few names of a recording are kept, so that frames do not allocate one each, and each
     * frame's venue is matched against their bytes where it lies: matched a character at a time, it took a twentieth
     * of a Kraken replay.
     */
    private String readString() throws IOException {
        int length = in.readUnsignedByte();
        in.take(length);
        byte[] buffer = in.buffer();
        int end = in.position();
        int start = end - length;
        for (int i = 0; i < names.size(); i++) {
            Name known = names.get(i);
            if (Arrays.equals(buffer, start, end, known.ascii(), 0, known.ascii().length)) {
                return known.text();
            }
        }
        Name fresh = new Name(new String(buffer, start, length, StandardCharsets.US_ASCII),
                Arrays.copyOfRange(buffer, start, end));
        names.add(fresh);
        return fresh.text();
    }

    /** A name met in the recording, and its bytes there. */
    private record Name(String text, byte[] ascii) {
    }
}
