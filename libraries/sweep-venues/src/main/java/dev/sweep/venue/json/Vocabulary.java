package dev.sweep.venue.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The words a decoder knows, field names or string values, each mapped once to a constant of an enum: a token is
 * recognised by one table lookup on its length and a comparison of its bytes, and decoders switch on the constant.
 * One constant stands for every other word. Immutable; lookups allocate nothing.
 *
 * @param <E> the enum of the words
 */
public final class Vocabulary<E extends Enum<E>> {

    private final E other;
    /** By token length: the words of that length, and their constants at the same index. */
    private final byte[][][] words;
    private final Object[][] constants;

    private Vocabulary(E other, List<E> known, Function<E, String> word) {
        this.other = other;
        int longest = known.stream().mapToInt(constant -> word.apply(constant).length()).max().orElse(0);
        this.words = new byte[longest + 1][][];
        this.constants = new Object[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            int size = length;
            List<E> ofLength = known.stream().filter(constant -> word.apply(constant).length() == size).toList();
            words[length] = ofLength.stream().map(constant -> word.apply(constant).getBytes(StandardCharsets.US_ASCII))
                    .toArray(byte[][]::new);
            constants[length] = ofLength.toArray();
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
    @SuppressWarnings("unchecked")
    public E lookup(JsonCursor cursor) {
        int length = cursor.tokenLength();
        if (length < words.length) {
            byte[][] candidates = words[length];
            for (int i = 0; i < candidates.length; i++) {
                if (cursor.tokenEquals(candidates[i])) {
                    return (E) constants[length][i];
                }
            }
        }
        return other;
    }

    /** The constant that stands for every word not in the vocabulary. */
    public E other() {
        return other;
    }
}
