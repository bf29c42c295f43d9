package dev.sweep.venue.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sweep.core.Level;
import dev.sweep.venue.FrameEdits;
import dev.sweep.venue.LevelArbitraries;
import dev.sweep.venue.ReadingWitness;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * The adapter does the same with its reader of Coinbase's own layout as without it, on any frame: Coinbase's frames as
 * the venue's server side writes them, and the same frames edited the ways a frame can depart from that layout —
 * fields reordered, white space, numbers written otherwise, odd timestamps, more, fewer or other events and updates,
 * any byte replaced, inserted or deleted. Both adapters must tell the same events, hand the same changes to an
 * attached listener, and leave the same books.
 */
class CoinbaseReadingPropertiesTest {

    /** Ways a frame is edited before it is fed. */
    private enum Edit { NONE, BYTE, REORDER, WHITE_SPACE, NUMBER, TIMESTAMP, EVENT_TIME, EVENTS, UPDATES }

    @Property(tries = 1000)
    void theDocumentedLayoutReaderChangesNothingTheAdapterDoes(
            @ForAll(supplier = LevelArbitraries.Books.class) List<Level> levels,
            @ForAll @Size(min = 1, max = 8)
            List<@Size(min = 1, max = 6) List<@From(supplier = LevelArbitraries.Changes.class) Level>> updates,
            @ForAll @Size(min = 8, max = 8) List<Edit> edits, @ForAll long seed) {
        CoinbaseVenue venue = new CoinbaseVenue();
        ReadingWitness.requireTheSameOnEditedFrames(venue, CoinbaseFeedAdapter::new, levels, updates, edits, seed, true,
                CoinbaseReadingPropertiesTest::edit);
    }

    private static String edit(String frame, Edit edit, SplittableRandom random) {
        return switch (edit) {
            case NONE -> frame;
            case BYTE -> FrameEdits.mutateByte(frame, random);
            case REORDER -> FrameEdits.reorder(frame, random);
            case WHITE_SPACE -> FrameEdits.whiteSpace(frame, random);
            case NUMBER -> FrameEdits.number(frame, random);
            case TIMESTAMP -> FrameEdits.timestamp(frame, "timestamp", random);
            case EVENT_TIME -> FrameEdits.timestamp(frame, "event_time", random);
            case EVENTS -> events(frame, random);
            case UPDATES -> updates(frame, random);
        };
    }

    /** The frame with a second event, for the same or the other product, or an event's or its own field changed. */
    private static String events(String frame, SplittableRandom random) {
        JsonNode tree = FrameEdits.read(frame);
        if (!(tree.get("events") instanceof ArrayNode events) || events.isEmpty()
                || !(events.get(0) instanceof ObjectNode first)) {
            return frame;
        }
        switch (random.nextInt(6)) {
            case 0 -> events.add(first.deepCopy());
            case 1 -> events.add(first.deepCopy().put("product_id", "ETH-USD"));
            case 2 -> first.remove(List.of("type", "product_id", "updates").get(random.nextInt(3)));
            case 3 -> first.put("product_id", "SOL-USD");
            case 4 -> first.put("type", List.of("snapshot", "update", "Update", "").get(random.nextInt(4)));
            default -> ((ObjectNode) tree).remove(List.of("channel", "sequence_num", "events", "client_id")
                    .get(random.nextInt(4)));
        }
        return FrameEdits.write(tree);
    }

    /** The frame with one update's side written otherwise, or a field of it dropped, added or emptied. */
    private static String updates(String frame, SplittableRandom random) {
        JsonNode tree = FrameEdits.read(frame);
        JsonNode events = tree.get("events");
        if (events == null || events.isEmpty() || !(events.get(0).get("updates") instanceof ArrayNode updates)) {
            return frame;
        }
        if (updates.isEmpty() || random.nextInt(8) == 0) {
            updates.removeAll();
            return FrameEdits.write(tree);
        }
        ObjectNode update = (ObjectNode) updates.get(random.nextInt(updates.size()));
        switch (random.nextInt(5)) {
            case 0 -> update.put("side", List.of("ask", "offer", "bid", "BID", "sell").get(random.nextInt(5)));
            case 1 -> update.remove(List.of("side", "event_time", "price_level", "new_quantity")
                    .get(random.nextInt(4)));
            case 2 -> update.put("extra", "x");
            case 3 -> update.put(List.of("price_level", "new_quantity").get(random.nextInt(2)),
                    List.of("0", "0.0", "", "1e3", " 1", "1 ").get(random.nextInt(6)));
            default -> update.putNull("event_time");
        }
        return FrameEdits.write(tree);
    }
}
