package dev.sweep.venue.kraken;

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

    /** Ways a frame is edited before it is fed. */
    private enum Edit { NONE, BYTE, REORDER, WHITE_SPACE, NUMBER, TIMESTAMP, MORE_DATA }

    @Property(tries = 1000)
    void theDocumentedLayoutReaderChangesNothingTheAdapterDoes(
            @ForAll(supplier = LevelArbitraries.Books.class) List<Level> levels,
            @ForAll @Size(min = 1, max = 8)
            List<@Size(min = 1, max = 6) List<@From(supplier = LevelArbitraries.Changes.class) Level>> updates,
            @ForAll @Size(min = 8, max = 8) List<Edit> edits, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 1) int depthChoice) {
        KrakenVenue venue = new KrakenVenue(depthChoice == 0 ? 10 : 1000);
        ReadingWitness.requireTheSameOnEditedFrames(venue, KrakenFeedAdapter::new, levels, updates, edits, seed, false,
                KrakenReadingPropertiesTest::edit);
    }

    private static String edit(String frame, Edit edit, SplittableRandom random) {
        return switch (edit) {
            case NONE -> frame;
            case BYTE -> FrameEdits.mutateByte(frame, random);
            case REORDER -> FrameEdits.reorder(frame, random);
            case WHITE_SPACE -> FrameEdits.whiteSpace(frame, random);
            case NUMBER -> FrameEdits.number(frame, random);
            case TIMESTAMP -> FrameEdits.timestamp(frame, "timestamp", random);
            case MORE_DATA -> moreData(frame, random);
        };
    }

    /** The frame with a second book entry, for the same or the other book, or with a field dropped. */
    private static String moreData(String frame, SplittableRandom random) {
        JsonNode tree = FrameEdits.read(frame);
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
        return FrameEdits.write(tree);
    }
}
