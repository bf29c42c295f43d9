package dev.sweep.venue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ways a venue's frame can depart from the layout its server side writes, for tests that read the same frames with a
 * reader of that layout and with the general reader and require the same outcome: a byte replaced, inserted or
 * deleted, the fields of an object reordered, white space, a number written another way, an odd timestamp.
 */
public final class FrameEdits {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** A number, bare or as a decimal string's content, after a field's colon. */
    private static final Pattern NUMBER = Pattern.compile("(?<=:\"?)\\d+(\\.\\d+)?");
    private static final byte[] INTERESTING = " \t\n\"\\,:.eE-+019{}[]x\u0001".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> TIMESTAMPS = List.of("\"2026-02-30T00:00:00Z\"",
            "\"2026-11-27T12:00:00.1234567891Z\"", "\"2026-11-27T12:00:00+01:00\"", "\"2026-11-27T12:00:00\\u005a\"",
            "\"\"", "null", "1764244800", "{}", "\"2026-11-27T12:00:00.5Z\"", "\"2026-11-27T12:00:61Z\"");

    private FrameEdits() {
    }

    /** The frame with one byte replaced, inserted or deleted; half the time a byte that matters to JSON. */
    public static String mutateByte(String frame, SplittableRandom random) {
        byte replacement = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)]
                : (byte) random.nextInt(256);
        return new String(VenueHarness.mutate(frame.getBytes(StandardCharsets.UTF_8), random.nextInt(frame.length()),
                replacement, random.nextInt(3)), StandardCharsets.UTF_8);
    }

    /** The frame with the fields of one of its objects in another order. */
    public static String reorder(String frame, SplittableRandom random) {
        JsonNode tree = read(frame);
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(tree, objects);
        ObjectNode object = objects.get(random.nextInt(objects.size()));
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        object.fields().forEachRemaining(fields::add);
        Collections.shuffle(fields, new Random(random.nextLong()));
        object.removeAll();
        fields.forEach(field -> object.set(field.getKey(), field.getValue()));
        return write(tree);
    }

    /** The frame with white space after one of its structural characters. */
    public static String whiteSpace(String frame, SplittableRandom random) {
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < frame.length(); i++) {
            if ("{}[],:".indexOf(frame.charAt(i)) >= 0) {
                places.add(i + 1);
            }
        }
        int at = places.get(random.nextInt(places.size()));
        return frame.substring(0, at) + " \n\t\r".charAt(random.nextInt(4)) + frame.substring(at);
    }

    /** The frame with one of its numbers (bare, or a decimal string's digits) written another way, same value or not. */
    public static String number(String frame, SplittableRandom random) {
        List<int[]> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(frame);
        while (matcher.find()) {
            numbers.add(new int[] {matcher.start(), matcher.end()});
        }
        if (numbers.isEmpty()) {
            return frame;
        }
        int[] number = numbers.get(random.nextInt(numbers.size()));
        String text = frame.substring(number[0], number[1]);
        String other = switch (random.nextInt(13)) {
            case 0 -> text + "0";
            case 1 -> text.contains(".") ? text + "00000000000000000001" : text + ".0";
            case 2 -> text + "e0";
            case 3 -> "\"" + text + "\"";
            case 4 -> "-" + text;
            case 5 -> "0" + text;
            case 6 -> text + ".";
            case 7 -> "0";
            case 8 -> "00";
            case 9 -> "123456789012345678901234567890";
            case 10 -> text.replace(".", "");
            case 11 -> "9223372036854775807";
            default -> "4294967295";
        };
        return frame.substring(0, number[0]) + other + frame.substring(number[1]);
    }

    /** The frame with the string value of its first field {@code field} replaced by an odd timestamp or no string. */
    public static String timestamp(String frame, String field, SplittableRandom random) {
        return frame.replaceFirst("\"" + field + "\":\"[^\"]*\"", Matcher.quoteReplacement("\"" + field + "\":"
                + TIMESTAMPS.get(random.nextInt(TIMESTAMPS.size()))));
    }

    public static JsonNode read(String frame) {
        try {
            return JSON.readTree(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.forEach(child -> collectObjects(child, objects));
    }
}
