package dev.sweep.kafka;

import dev.sweep.core.BookState;
import dev.sweep.core.Side;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of a {@link BookEvent} on the topics: version 1 of the compact binary encoding FORMAT.md describes. Every
 * integer is a zigzag LEB128 varint, so that prices and sizes stay the exact scaled integers of the books and a
 * level costs a few bytes; a string is its UTF-8 length as a varint, then its bytes.
 */
public final class BookEventCodec {

    /** The version this codec writes and the only one it reads. */
    public static final int VERSION = 1;

    /**
     * The states' codes on the wire, by position: fixed, whatever the order of {@link BookState}'s constants. A feed
     * never publishes {@code NO_RATE} (a sweep's view of a book it cannot convert), but every state has a code, so that
     * encoding is total.
     */
    private static final BookState[] STATES = {BookState.SYNCING, BookState.LIVE, BookState.STALE, BookState.BROKEN,
            BookState.REJECTED, BookState.UNREACHABLE, BookState.NO_RATE};
    private static final BookEvent.Type[] TYPES = {BookEvent.Type.SNAPSHOT, BookEvent.Type.DELTA,
            BookEvent.Type.STATE};
    /** More levels than a side may hold on both sides together (VenueBooks.MAX_LEVELS_PER_SIDE): a corrupt count. */
    private static final int MAX_LEVELS = 500_000;

    private BookEventCodec() {
    }

    public static byte[] encode(BookEvent event) {
        EventWriter writer = new EventWriter();
        writer.start(event.type(), EventWriter.utf8(event.venue()), EventWriter.utf8(event.symbol()), event.epoch(),
                event.seq(), event.venueSeq(), event.receiveNanos(), event.venueNanos(), event.eventsOffset(),
                event.priceScale(), event.sizeScale(), event.state(), EventWriter.utf8(event.reason()),
                event.levels().size());
        for (LevelChange level : event.levels()) {
            writer.level(level.side(), level.price(), level.size());
        }
        return Arrays.copyOf(writer.buffer(), writer.length());
    }

    /**
     * @param bytes a record's value; null for a tombstone, which anyone may write to the compacted snapshots topic
     * @throws BookEventFormatException when the bytes are not a whole event of {@link #VERSION}
     */
    public static BookEvent decode(byte[] bytes) {
        if (bytes == null) {
            throw new BookEventFormatException("no value (a tombstone), not an event");
        }
        Reader in = new Reader(bytes);
        int version = in.readByte();
        if (version != VERSION) {
            throw new BookEventFormatException("version " + version + ", this reader knows " + VERSION);
        }
        BookEvent.Type type = in.readCode(TYPES, "type");
        String venue = in.readString();
        String symbol = in.readString();
        long epoch = in.readLong();
        long seq = in.readLong();
        long venueSeq = in.readLong();
        long receiveNanos = in.readLong();
        long venueNanos = in.readLong();
        long eventsOffset = in.readLong();
        int priceScale = in.readByte();
        int sizeScale = in.readByte();
        BookState state = in.readCode(STATES, "state");
        String reason = in.readString();
        long count = in.readLong();
        if (count < 0 || count > MAX_LEVELS) {
            throw new BookEventFormatException(count + " levels");
        }
        List<LevelChange> levels = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            int side = in.readByte();
            if (side > 1) {
                throw new BookEventFormatException("side " + side);
            }
            long price = in.readLong();
            long size = in.readLong();
            if (price < 0 || size < 0) {
                throw new BookEventFormatException("negative level " + price + " " + size);
            }
            levels.add(new LevelChange(side == 0 ? Side.BID : Side.ASK, price, size));
        }
        if (in.position != bytes.length) {
            throw new BookEventFormatException((bytes.length - in.position) + " bytes after the event");
        }
        try {
            return new BookEvent(type, venue, symbol, epoch, seq, venueSeq, receiveNanos, venueNanos, priceScale,
                    sizeScale, levels, state, reason, eventsOffset);
        } catch (IllegalArgumentException e) {
            throw new BookEventFormatException(e.getMessage());
        }
    }

    static int code(BookEvent.Type type) {
        return code(TYPES, type);
    }

    static int code(BookState state) {
        return code(STATES, state);
    }

    private static <T> int code(T[] codes, T value) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException("no code for " + value);
    }

    /** Reads the bytes of one event, failing with the format's exception wherever they end early or go wrong. */
    private static final class Reader {

        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int readByte() {
            if (position == bytes.length) {
                throw new BookEventFormatException("ends early, at byte " + position);
            }
            return bytes[position++] & 0xFF;
        }

        long readLong() {
            long zigzag = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = readByte();
                zigzag |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return (zigzag >>> 1) ^ -(zigzag & 1);
                }
            }
            throw new BookEventFormatException("a varint longer than 10 bytes at byte " + position);
        }

        String readString() {
            long length = readLong();
            if (length < 0 || length > bytes.length - position) {
                throw new BookEventFormatException("a string of " + length + " bytes at byte " + position);
            }
            String text = new String(bytes, position, (int) length, StandardCharsets.UTF_8);
            position += (int) length;
            return text;
        }

        <T> T readCode(T[] codes, String what) {
            int code = readByte();
            if (code >= codes.length) {
                throw new BookEventFormatException(what + " " + code);
            }
            return codes[code];
        }
    }
}
