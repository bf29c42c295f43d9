package dev.sweep.venue.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The words a decoder knows, field names or string values, each mapped once to a constant of an enum: a token is
 * recognised by one comparison with the only word that could be it, and decoders switch on the constant. One
 * constant stands for every other word. Immutable; lookups allocate nothing.
 *
 * <p>That word is found in a table indexed by a hash of the token's length and its first, middle and last bytes, with
 * a multiplier and a size chosen when the vocabulary is built so that no two of its words share a slot.
 *
 * @param <E> the enum of the words
 */
public final class Vocabulary<E extends Enum<E>> {

    /** Past this, the words are too many for a table without collisions; no decoder needs that many. */
    private static final int MAX_SLOTS = 1 << 12;
    /** Multipliers tried in turn, with growing tables, until the words fall in distinct slots. */
    private static final int[] MULTIPLIERS = {31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97};

    private final E other;
    private final int multiplier;
    private final int mask;
    private final byte[][] words;
    /** Each slot's word's first eight bytes ({@link Words}), the rest zero, to compare a short token in one step. */
    private final long[] heads;
    private final Object[] constants;
    /** Where the empty word would be: the hash reads no bytes of it. */
    private final int emptySlot;

    private Vocabulary(E other, List<E> known, Function<E, String> word) {
        this.other = other;
        List<byte[]> texts = known.stream().map(constant -> word.apply(constant).getBytes(StandardCharsets.US_ASCII))
                .toList();
        int slots = Integer.highestOneBit(Math.max(1, texts.size())) * 2;
        int chosen = 0;
        search:
        for (; slots <= MAX_SLOTS; slots *= 2) {
            for (int candidate : MULTIPLIERS) {
                if (isCollisionFree(texts, candidate, slots - 1)) {
                    chosen = candidate;
                    break search;
                }
            }
        }
        if (chosen == 0) {
            throw new IllegalArgumentException("no collision-free table for " + known);
        }
        this.multiplier = chosen;
        this.mask = slots - 1;
        this.words = new byte[slots][];
        this.heads = new long[slots];
        this.constants = new Object[slots];
        this.emptySlot = slot(new byte[0], multiplier, mask);
        for (int i = 0; i < texts.size(); i++) {
            int slot = slot(texts.get(i), multiplier, mask);
            words[slot] = texts.get(i);
            heads[slot] = head(texts.get(i));
            constants[slot] = known.get(i);
        }
    }

    /**
     * Every constant but {@code other}, each standing for its name in lower case ({@code SEQUENCE_NUM} for
     * {@code sequence_num}), as the venues write their words.
     */
    public static <E extends Enum<E>> Vocabulary<E> of(Class<E> type, E other) {
        return of(type, other, constant -> constant.name().toLowerCase(Locale.ROOT));
    }

    /** These constants, each standing for its name in lower case; {@code other} for every other word. */
    public static <E extends Enum<E>> Vocabulary<E> of(Set<E> known, E other) {
        return new Vocabulary<>(other, List.copyOf(known), constant -> constant.name().toLowerCase(Locale.ROOT));
    }

    /** Every constant but {@code other}, each standing for the word {@code word} gives it. */
    public static <E extends Enum<E>> Vocabulary<E> of(Class<E> type, E other, Function<E, String> word) {
        List<E> known = Arrays.stream(type.getEnumConstants()).filter(constant -> constant != other).toList();
        return new Vocabulary<>(other, known, word);
    }

    /** The constant of the cursor's current string or field name, or {@link #other()}. */
    public E lookup(JsonCursor cursor) {
        int length = cursor.tokenLength();
        if (length == 0) {
            return constantAt(emptySlot, 0, cursor);
        }
        byte[] buffer = cursor.buffer();
        int start = cursor.tokenStart();
        int slot = hash(multiplier, length, buffer[start], buffer[start + length / 2], buffer[start + length - 1]) & mask;
        return constantAt(slot, length, cursor);
    }

    /**
     * The constant in {@code slot} if its word is the token. The hash already matched length and three bytes; a word
     * of up to eight bytes (most are) is compared in one step as a {@code long} when the buffer has eight bytes from
     * the token on (a field name is followed by at least its quote and colon, so nearly always), the rest with one
     * range comparison.
     */
    @SuppressWarnings("unchecked")
    private E constantAt(int slot, int length, JsonCursor cursor) {
        byte[] word = words[slot];
        if (word == null || word.length != length || cursor.tokenEscaped()) {
            return other;
        }
        byte[] buffer = cursor.buffer();
        int start = cursor.tokenStart();
        boolean equal = length <= Words.SIZE && start + Words.SIZE <= buffer.length
                ? Words.first(Words.at(buffer, start), length) == heads[slot]
                : Arrays.equals(buffer, start, start + length, word, 0, length);
        return equal ? (E) constants[slot] : other;
    }

    private static long head(byte[] word) {
        long head = 0;
        for (int i = Math.min(word.length, Words.SIZE) - 1; i >= 0; i--) {
            head = head << 8 | (word[i] & 0xFF);
        }
        return head;
    }

    /** The constant that stands for every word not in the vocabulary. */
    public E other() {
        return other;
    }

    private static boolean isCollisionFree(List<byte[]> texts, int multiplier, int mask) {
        boolean[] taken = new boolean[mask + 1];
        for (byte[] text : texts) {
            int slot = slot(text, multiplier, mask);
            if (taken[slot]) {
                return false;
            }
            taken[slot] = true;
        }
        return true;
    }

    private static int slot(byte[] text, int multiplier, int mask) {
        int length = text.length;
        return hash(multiplier, length, length == 0 ? 0 : text[0], length == 0 ? 0 : text[length / 2],
                length == 0 ? 0 : text[length - 1]) & mask;
    }

    private static int hash(int multiplier, int length, int first, int middle, int last) {
        return ((length * multiplier + first) * multiplier + middle) * multiplier + last;
    }
}
