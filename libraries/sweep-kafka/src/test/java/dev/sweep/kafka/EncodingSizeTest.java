package dev.sweep.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sweep.core.Side;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The measurement behind the encoding (FORMAT.md): the same events in the binary encoding and in the JSON with
 * decimal strings it was chosen over, for a BTC-USD book at Sweep's scales (prices 8 places, sizes 10).
 */
class EncodingSizeTest {

    @Test
    void theBinaryEncodingIsUnderHalfTheJson() throws IOException {
        BookEvent delta = BookEvents.levels(BookEvent.Type.DELTA, "coinbase", 1_764_300_000_000L, 4711,
                levels(3, 17));
        BookEvent snapshot = BookEvents.levels(BookEvent.Type.SNAPSHOT, "coinbase", 1_764_300_000_000L, 1,
                levels(1000, 5));

        assertThat(new int[] {BookEventCodec.encode(delta).length, json(delta).length,
                BookEventCodec.encode(snapshot).length, json(snapshot).length})
                .containsExactly(85, 311, 13703, 34209);
    }

    /** Levels around 95,000.00 with sizes of a few coins, alternating sides, as a venue's frames carry them. */
    private static List<LevelChange> levels(int count, long seed) {
        List<LevelChange> levels = new ArrayList<>();
        long state = seed;
        for (int i = 0; i < count; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            Side side = i % 2 == 0 ? Side.BID : Side.ASK;
            long cents = 9_500_000 + (side == Side.BID ? -1 : 1) * (i / 2 + 1);
            long size = Math.floorMod(state >>> 20, 5_000_000_000L) * 10;
            levels.add(new LevelChange(side, cents * 1_000_000, size));
        }
        return levels;
    }

    private static byte[] json(BookEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("version", BookEventCodec.VERSION);
            json.writeStringField("type", event.type().name());
            json.writeStringField("venue", event.venue());
            json.writeStringField("symbol", event.symbol());
            json.writeNumberField("epoch", event.epoch());
            json.writeNumberField("seq", event.seq());
            json.writeNumberField("venueSeq", event.venueSeq());
            json.writeNumberField("receiveNanos", event.receiveNanos());
            json.writeNumberField("venueNanos", event.venueNanos());
            json.writeStringField("state", event.state().name());
            json.writeStringField("reason", event.reason());
            for (Side side : Side.values()) {
                json.writeArrayFieldStart(side == Side.BID ? "bids" : "asks");
                for (LevelChange level : event.levels()) {
                    if (level.side() == side) {
                        json.writeStartArray();
                        json.writeString(BigDecimal.valueOf(level.price(), event.priceScale()).toPlainString());
                        json.writeString(BigDecimal.valueOf(level.size(), event.sizeScale()).toPlainString());
                        json.writeEndArray();
                    }
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        return out.toByteArray();
    }
}
