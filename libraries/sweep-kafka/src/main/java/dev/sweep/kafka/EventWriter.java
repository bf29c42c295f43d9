package dev.sweep.kafka;

import dev.sweep.core.BookState;
import dev.sweep.core.Side;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the bytes of one event (FORMAT.md, version {@link BookEventCodec#VERSION}) into a buffer it reuses from
 * event to event: {@link #start} with the header and the number of levels, then each {@link #level}. It grows only
 * when an event is larger than every one before, so that a publisher's steady stream of events allocates nothing.
 * The one writer of the format: {@link BookEventCodec#encode} goes through it too.
 */
final class EventWriter {

    private static final byte[] EMPTY = new byte[0];

    private byte[] buffer = new byte[256];
    private int length;

    /**
     * Starts an event, forgetting the one before.
     *
     * @param venue  the venue's name in UTF-8
     * @param symbol the instrument in UTF-8
     * @param reason the reason in UTF-8, or null for none (SNAPSHOT and DELTA)
     * @param levels how many {@link #level}s follow
     */
    void start(BookEvent.Type type, byte[] venue, byte[] symbol, long epoch, long seq, long venueSeq,
               long receiveNanos, long venueNanos, long eventsOffset, int priceScale, int sizeScale, BookState state,
               byte[] reason, int levels) {
        length = 0;
        writeByte(BookEventCodec.VERSION);
        writeByte(BookEventCodec.code(type));
        writeBytes(venue);
        writeBytes(symbol);
        writeLong(epoch);
        writeLong(seq);
        writeLong(venueSeq);
        writeLong(receiveNanos);
        writeLong(venueNanos);
        writeLong(eventsOffset);
        writeByte(priceScale);
        writeByte(sizeScale);
        writeByte(BookEventCodec.code(state));
        writeBytes(reason == null ? EMPTY : reason);
        writeLong(levels);
    }

    void level(Side side, long price, long size) {
        writeByte(side == Side.BID ? 0 : 1);
        writeLong(price);
        writeLong(size);
    }

    /** The event's bytes: the first {@link #length()} of them. */
    byte[] buffer() {
        return buffer;
    }

    int length() {
        return length;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void writeBytes(byte[] bytes) {
        writeLong(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void writeByte(int value) {
        ensure(1);
        buffer[length++] = (byte) value;
    }

    /** A zigzag LEB128 varint: 7 bits a byte, least significant first, the high bit set on all but the last. */
    private void writeLong(long value) {
        ensure(10);
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            buffer[length++] = (byte) ((zigzag & 0x7F) | 0x80);
            zigzag >>>= 7;
        }
        buffer[length++] = (byte) zigzag;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
