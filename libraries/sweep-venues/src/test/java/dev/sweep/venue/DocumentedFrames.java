package dev.sweep.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the tests of a venue's documented-layout reader do to one frame of that layout: edit it, cut it short, and
 * hand it to the reader from inside a larger buffer.
 */
public final class DocumentedFrames {

    /** Where a frame starts in the buffer {@link #inBuffer} puts it in. */
    public static final int OFFSET = 3;

    private DocumentedFrames() {
    }

    /** The frame with the first occurrence of an edit's {@code from} replaced by its {@code to}, written "from->to". */
    public static String edited(String frame, String edit) {
        String[] parts = edit.split("->", -1);
        String edited = frame.replaceFirst(Pattern.quote(parts[0]), Matcher.quoteReplacement(parts[1]));
        assertThat(edited).isNotEqualTo(frame);
        return edited;
    }

    /** The lengths, shorter than the whole frame, at which the frame cut short is staged: none is expected. */
    public static List<Integer> stagedWhenCutShort(String frame, Predicate<String> stage) {
        List<Integer> staged = new ArrayList<>();
        for (int length = 0; length < frame.length(); length++) {
            if (stage.test(frame.substring(0, length))) {
                staged.add(length);
            }
        }
        return staged;
    }

    /**
     * The frame's bytes at {@link #OFFSET} in a larger buffer of closing braces, as a connection's reused one holds it:
     * a reader must stop at the frame's length.
     */
    public static byte[] inBuffer(String frame) {
        byte[] bytes = frame.getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[bytes.length + 16];
        Arrays.fill(buffer, (byte) '}');
        System.arraycopy(bytes, 0, buffer, OFFSET, bytes.length);
        return buffer;
    }
}
