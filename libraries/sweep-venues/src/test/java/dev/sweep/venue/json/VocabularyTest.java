package dev.sweep.venue.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private enum Side { BID, ASK, OFFER, BIDS, BANS, OTHER }

    private static final Vocabulary<Side> SIDES = Vocabulary.of(Side.class, Side.OTHER);

    @Test
    void wordsThatShareLengthAndEndsStillMapToTheirOwnConstants() {
        assertThat(List.of("bid", "ask", "offer", "bids", "bans", "bad", "asks", "", "BID", "b\\u0069d"))
                .map(VocabularyTest::lookup)
                .containsExactly(Side.BID, Side.ASK, Side.OFFER, Side.BIDS, Side.BANS, Side.OTHER, Side.OTHER,
                        Side.OTHER, Side.OTHER, Side.OTHER);
    }

    /**
     * The table's hash reads a word's length and its first, middle and last bytes: words alike in all four cannot share
     * a vocabulary, and building one says so rather than mistaking one for the other.
     */
    @Test
    void wordsAlikeInLengthAndTheirFirstMiddleAndLastBytesCannotShareAVocabulary() {
        List<String> alike = List.of("abxd", "acxd");
        assertThatThrownBy(() -> Vocabulary.of(Word.class, Word.NONE,
                word -> word.ordinal() < alike.size() ? alike.get(word.ordinal()) : "\u0000" + word.ordinal()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no collision-free table for");
    }

    /** Any set of words a vocabulary can hold: each is recognised as itself, and any other word as none of them. */
    @Property(tries = 300)
    void everyWordOfAnyVocabularyIsRecognisedAndNoOther(
            @ForAll @Size(min = 1, max = 40) Set<@AlphaChars @StringLength(max = 16) String> words,
            @ForAll @AlphaChars @StringLength(max = 16) String stranger) {
        Assume.that(hashApart(words));
        List<String> known = List.copyOf(words);
        Vocabulary<Word> vocabulary = Vocabulary.of(Word.class, Word.NONE,
                word -> word.ordinal() < known.size() ? known.get(word.ordinal()) : "\u0000" + word.ordinal());
        for (int i = 0; i < known.size(); i++) {
            assertThat(lookup(vocabulary, known.get(i))).isEqualTo(Word.values()[i]);
        }
        Word expected = known.contains(stranger) ? Word.values()[known.indexOf(stranger)] : Word.NONE;
        assertThat(lookup(vocabulary, stranger)).isEqualTo(expected);
    }

    /**
     * A word of up to eight bytes is compared as one {@code long} read from the frame, past the token's end: the bytes
     * after it (a field name's quote and colon, the rest of the frame) never make it match, nor a longer or shorter
     * word.
     */
    @Property(tries = 300)
    void aShortWordIsRecognisedWhateverFollowsItInTheFrame(
            @ForAll @Size(min = 1, max = 40) Set<@AlphaChars @StringLength(max = 12) String> words,
            @ForAll @AlphaChars @StringLength(max = 12) String stranger,
            @ForAll @AlphaChars @StringLength(max = 12) String after) {
        Assume.that(hashApart(words));
        List<String> known = List.copyOf(words);
        Vocabulary<Word> vocabulary = Vocabulary.of(Word.class, Word.NONE,
                word -> word.ordinal() < known.size() ? known.get(word.ordinal()) : "\u0000" + word.ordinal());
        for (int i = 0; i < known.size(); i++) {
            assertThat(lookupFieldName(vocabulary, known.get(i), after)).isEqualTo(Word.values()[i]);
        }
        Word expected = known.contains(stranger) ? Word.values()[known.indexOf(stranger)] : Word.NONE;
        assertThat(lookupFieldName(vocabulary, stranger, after)).isEqualTo(expected);
    }

    /** Whether no two of the words are alike in all the hash reads (one pair in a few thousand sets of 40 is). */
    private static boolean hashApart(Set<String> words) {
        Set<String> keys = new HashSet<>();
        for (String word : words) {
            String key = word.isEmpty() ? "" : word.length() + ":" + word.charAt(0) + word.charAt(word.length() / 2)
                    + word.charAt(word.length() - 1);
            if (!keys.add(key)) {
                return false;
            }
        }
        return true;
    }

    /** Forty words and the constant for any other. */
    private enum Word {
        W0, W1, W2, W3, W4, W5, W6, W7, W8, W9, W10, W11, W12, W13, W14, W15, W16, W17, W18, W19, W20, W21, W22, W23,
        W24, W25, W26, W27, W28, W29, W30, W31, W32, W33, W34, W35, W36, W37, W38, W39, NONE
    }

    /** Looks the word up as the field name of an object whose value is followed by more fields. */
    private static <E extends Enum<E>> E lookupFieldName(Vocabulary<E> vocabulary, String word, String after) {
        byte[] json = ("{\"" + word + "\": 1, \"" + after + "\": 2}").getBytes(StandardCharsets.US_ASCII);
        JsonCursor cursor = new JsonCursor().wrap(json, 0, json.length);
        cursor.next();
        cursor.next();
        return vocabulary.lookup(cursor);
    }

    private static Side lookup(String word) {
        return lookup(SIDES, word);
    }

    private static <E extends Enum<E>> E lookup(Vocabulary<E> vocabulary, String word) {
        byte[] json = ("\"" + word + "\"").getBytes(StandardCharsets.US_ASCII);
        JsonCursor cursor = new JsonCursor().wrap(json, 0, json.length);
        cursor.next();
        return vocabulary.lookup(cursor);
    }
}
