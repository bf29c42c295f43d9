package dev.sweep.bench;

import java.nio.charset.StandardCharsets;

/**
 * Rewrites Coinbase's {@code sequence_num} in place, so that a cycle of frames can be replayed forever with an
 * ever-increasing sequence. Every frame's number has the same width (13 digits from {@link #FIRST}), so the digits
 * can be overwritten without moving bytes.
 */
final class SequencePatch {

    /** The first update's sequence number: 10^12, 13 digits, enough for any run. */
    static final long FIRST = 1_000_000_000_000L;

    private static final byte[] FIELD = "\"sequence_num\":".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGITS = 13;

    private final int[] offsets;
    private long sequence = FIRST;

    SequencePatch(byte[][] frames) {
        offsets = new int[frames.length];
        for (int i = 0; i < frames.length; i++) {
            offsets[i] = indexOf(frames[i], FIELD) + FIELD.length;
        }
    }

    /** Writes the next sequence number into frame {@code index}. */
    void stamp(byte[] frame, int index) {
        long value = sequence++;
        int end = offsets[index] + DIGITS;
        for (int i = end - 1; i >= offsets[index]; i--) {
            frame[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int indexOf(byte[] frame, byte[] field) {
        outer:
        for (int i = 0; i + field.length <= frame.length; i++) {
            for (int j = 0; j < field.length; j++) {
                if (frame[i + j] != field[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("no sequence_num in frame");
    }
}
