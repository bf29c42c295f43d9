package dev.sweep.venue.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.Side;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.DialectHarness;
import dev.sweep.venue.FeedEvents;
import dev.sweep.venue.LevelArbitraries;
import dev.sweep.venue.Reading;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.VenueHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The adapter does the same with its reader of Kraken's own layout as without it, on any frame: Kraken's frames as
 * the venue's server side writes them, and the same frames edited the ways a frame can depart from that layout —
 * fields reordered, white space, numbers written otherwise, odd timestamps, more or other book data, any byte
 * replaced, inserted or deleted. Both adapters must tell the same events, hand the same changes to an attached
 * listener, and leave the same books.
 */
class KrakenReadingPropertiesTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final Instrument ETH_USD = Instrument.of("ETH-USD");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Pattern NUMBER = Pattern.compile("(?<=:)\\d+(\\.\\d+)?");
    private static final byte[] INTERESTING = " \t\n\"\\,:.eE-+019{}[]x\u0001".getBytes(StandardCharsets.US_ASCII);

    /** Ways a frame is edited before it is fed. */
    private enum Edit { NONE, BYTE, REORDER, WHITE_SPACE, NUMBER, TIMESTAMP, MORE_DATA }

    @Property(tries = 1000)
    void theDocumentedLayoutReaderChangesNothingTheAdapterDoes(
            @ForAll("books") List<Level> levels,
            @ForAll @Size(min = 1, max = 8) List<@Size(min = 1, max = 6) List<@From("changes") Level>> updates,
            @ForAll @Size(min = 8, max = 8) List<Edit> edits, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 1) int depthChoice) {
        KrakenVenue venue = new KrakenVenue(depthChoice == 0 ? 10 : 1000);
        DialectHarness server = new DialectHarness(venue, "BTC-USD", "ETH-USD");
        LevelArbitraries.set(server.truth(BTC_USD), levels);
        LevelArbitraries.set(server.truth(ETH_USD), levels);
        Client documented = new Client(venue, Reading.DOCUMENTED_LAYOUT_FIRST);
        Client general = new Client(venue, Reading.GENERAL);
        SplittableRandom random = new SplittableRandom(seed);
        List<String> frames = new ArrayList<>(server.connect());
        frames.addAll(server.subscribe(List.of(BTC_USD, ETH_USD)));
        for (int i = 0; i < updates.size(); i++) {
            for (String frame : server.change(i % 3 == 2 ? ETH_USD : BTC_USD, updates.get(i))) {
                frames.add(edit(frame, edits.get(i), random));
            }
        }

        for (String frame : frames) {
            byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
            documented.feed(bytes);
            general.feed(bytes);

            assertThat(documented.seen()).as(frame).isEqualTo(general.seen());
        }
    }

    private static String edit(String frame, Edit edit, SplittableRandom random) {
        return switch (edit) {
            case NONE -> frame;
            case BYTE -> new String(VenueHarness.mutate(frame.getBytes(StandardCharsets.UTF_8),
                    random.nextInt(frame.length()), randomByte(random), random.nextInt(3)), StandardCharsets.UTF_8);
            case REORDER -> reorder(frame, random);
            case WHITE_SPACE -> whiteSpace(frame, random);
            case NUMBER -> number(frame, random);
            case TIMESTAMP -> frame.replaceFirst("\"timestamp\":\"[^\"]*\"", "\"timestamp\":" + List.of(
                    "\"2026-02-30T00:00:00Z\"", "\"2026-11-27T12:00:00.1234567891Z\"", "\"2026-11-27T12:00:00+01:00\"",
                    "\"2026-11-27T12:00:00\\u005a\"", "\"\"", "null", "1764244800", "{}", "\"2026-11-27T12:00:00.5Z\"")
                    .get(random.nextInt(9)));
            case MORE_DATA -> moreData(frame, random);
        };
    }

    private static byte randomByte(SplittableRandom random) {
        return random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt(256);
    }

    /** The frame with the fields of one of its objects in another order. */
    private static String reorder(String frame, SplittableRandom random) {
        JsonNode tree = read(frame);
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(tree, objects);
        ObjectNode object = objects.get(random.nextInt(objects.size()));
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        object.fields().forEachRemaining(fields::add);
        Collections.shuffle(fields, new java.util.Random(random.nextLong()));
        object.removeAll();
        fields.forEach(field -> object.set(field.getKey(), field.getValue()));
        return write(tree);
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.forEach(child -> collectObjects(child, objects));
    }

    /** The frame with white space after one of its structural characters. */
    private static String whiteSpace(String frame, SplittableRandom random) {
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < frame.length(); i++) {
            if ("{}[],:".indexOf(frame.charAt(i)) >= 0) {
                places.add(i + 1);
            }
        }
        int at = places.get(random.nextInt(places.size()));
        return frame.substring(0, at) + " \n\t\r".charAt(random.nextInt(4)) + frame.substring(at);
    }

    /** The frame with one of its numbers written another way, the same value or not. */
    private static String number(String frame, SplittableRandom random) {
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
        String other = switch (random.nextInt(12)) {
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
            default -> "4294967295";
        };
        return frame.substring(0, number[0]) + other + frame.substring(number[1]);
    }

    /** The frame with a second book entry, for the same or the other book, or with a field dropped. */
    private static String moreData(String frame, SplittableRandom random) {
        JsonNode tree = read(frame);
        JsonNode data = tree.get("data");
        if (!(data instanceof ArrayNode entries) || entries.isEmpty() || !(entries.get(0) instanceof ObjectNode first)) {
            return frame;
        }
        switch (random.nextInt(4)) {
            case 0 -> entries.add(first.deepCopy());
            case 1 -> entries.add(first.deepCopy().put("symbol", "ETH/USD"));
            case 2 -> first.remove(List.of("checksum", "timestamp", "bids", "asks", "symbol").get(random.nextInt(5)));
            default -> first.put("symbol", "SOL/USD");
        }
        return write(tree);
    }

    private static JsonNode read(String frame) {
        try {
            return JSON.readTree(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<List<Level>> books() {
        return LevelArbitraries.books();
    }

    @Provide
    Arbitrary<Level> changes() {
        return LevelArbitraries.changes();
    }

    /** One connection's books, read by an adapter, with all it tells and hands on recorded as values. */
    private static final class Client {

        private final FeedEvents events = new FeedEvents();
        private final Handed handed = new Handed();
        private final VenueBooks books;
        private final KrakenFeedAdapter adapter;
        private long clock;

        Client(KrakenVenue venue, Reading reading) {
            books = venue.newBooks(List.of(BTC_USD, ETH_USD), events);
            books.attach(handed);
            adapter = new KrakenFeedAdapter(books, reading);
        }

        void feed(byte[] frame) {
            byte[] buffer = new byte[frame.length + 16];
            System.arraycopy(frame, 0, buffer, 7, frame.length);
            adapter.onFrame(buffer, 7, frame.length, ++clock);
        }

        /** Everything told, handed on and kept so far. */
        List<Object> seen() {
            List<Object> seen = new ArrayList<>(List.of(events.events(), events.changes(), handed.changes));
            for (int i = 0; i < books.size(); i++) {
                VenueBook book = books.get(i);
                seen.add(book.state());
                seen.add(VenueHarness.sides(book.book()));
            }
            return seen;
        }
    }

    /** What the attached listener is handed, as values. */
    private static final class Handed implements BookListener {

        private final List<String> changes = new ArrayList<>();

        @Override
        public void onSnapshot(VenueBook book) {
            changes.add("snapshot " + book.venueSymbol());
        }

        @Override
        public void onLevel(VenueBook book, Side side, long price, long size) {
            changes.add(book.venueSymbol() + " " + side + " " + price + " " + size);
        }

        @Override
        public void onApplied(VenueBook book, long receiveNanos, long venueSeq, long venueNanos) {
            changes.add("applied " + book.venueSymbol() + " at " + receiveNanos + " seq " + venueSeq + " time "
                    + venueNanos);
        }
    }
}
