package dev.sweep.venue.gemini;

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
 * The adapter does the same with its reader of Gemini's own layout as without it, on any frame: Gemini's frames as the
 * venue's server side writes them, and the same frames edited the ways a frame can depart from that layout — fields
 * reordered, white space, numbers written otherwise, other or odd changes, trades that make it a snapshot, another or
 * no symbol, any byte replaced, inserted or deleted. Both adapters must tell the same events, hand the same changes to
 * an attached listener, and leave the same books.
 */
class GeminiReadingPropertiesTest {

    /** Ways a frame is edited before it is fed. */
    private enum Edit { NONE, BYTE, REORDER, WHITE_SPACE, NUMBER, FIELDS, CHANGES }

    @Property(tries = 1000)
    void theDocumentedLayoutReaderChangesNothingTheAdapterDoes(
            @ForAll(supplier = LevelArbitraries.Books.class) List<Level> levels,
            @ForAll @Size(min = 1, max = 8)
            List<@Size(min = 1, max = 6) List<@From(supplier = LevelArbitraries.Changes.class) Level>> updates,
            @ForAll @Size(min = 8, max = 8) List<Edit> edits, @ForAll long seed) {
        GeminiVenue venue = new GeminiVenue();
        ReadingWitness.requireTheSameOnEditedFrames(venue, GeminiV2FeedAdapter::new, levels, updates, edits, seed,
                false, GeminiReadingPropertiesTest::edit);
    }

    private static String edit(String frame, Edit edit, SplittableRandom random) {
        return switch (edit) {
            case NONE -> frame;
            case BYTE -> FrameEdits.mutateByte(frame, random);
            case REORDER -> FrameEdits.reorder(frame, random);
            case WHITE_SPACE -> FrameEdits.whiteSpace(frame, random);
            case NUMBER -> FrameEdits.number(frame, random);
            case FIELDS -> fields(frame, random);
            case CHANGES -> changes(frame, random);
        };
    }

    /** The frame with trades (a snapshot then), or a field of it dropped or changed. */
    private static String fields(String frame, SplittableRandom random) {
        ObjectNode tree = (ObjectNode) FrameEdits.read(frame);
        switch (random.nextInt(5)) {
            case 0 -> tree.putArray("trades");
            case 1 -> tree.remove(List.of("type", "symbol", "changes").get(random.nextInt(3)));
            case 2 -> tree.put("symbol", List.of("ETHUSD", "SOLUSD", "btcusd", "").get(random.nextInt(4)));
            case 3 -> tree.put("type", List.of("l2_updates", "trade", "heartbeat", "L2_updates")
                    .get(random.nextInt(4)));
            default -> tree.put("result", "error");
        }
        return FrameEdits.write(tree);
    }

    /** The frame with one change written otherwise, more or fewer of them, or none. */
    private static String changes(String frame, SplittableRandom random) {
        JsonNode tree = FrameEdits.read(frame);
        if (!(tree.get("changes") instanceof ArrayNode changes) || changes.isEmpty()) {
            return frame;
        }
        ArrayNode change = (ArrayNode) changes.get(random.nextInt(changes.size()));
        switch (random.nextInt(6)) {
            case 0 -> change.set(0, List.of("buy", "sell", "bid", "ask", "Buy").get(random.nextInt(5)));
            case 1 -> change.remove(random.nextInt(change.size()));
            case 2 -> change.add("x");
            case 3 -> change.set(1 + random.nextInt(2), List.of("0", "0.0", "", "1e3", " 1").get(random.nextInt(5)));
            case 4 -> changes.add(change.deepCopy());
            default -> changes.removeAll();
        }
        return FrameEdits.write(tree);
    }
}
