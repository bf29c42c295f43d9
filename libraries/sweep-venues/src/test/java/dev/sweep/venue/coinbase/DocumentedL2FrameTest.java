package dev.sweep.venue.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.Side;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.DialectHarness;
import dev.sweep.venue.DocumentedFrames;
import dev.sweep.venue.FeedEvents;
import dev.sweep.venue.LevelBatch;
import dev.sweep.venue.VenueBooks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentedL2FrameTest {

    /** An update as Coinbase sends it (its documented example, without the white space). */
    private static final String UPDATE = "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":"
            + "\"2023-02-09T20:32:50.714964855Z\",\"sequence_num\":7,\"events\":[{\"type\":\"update\",\"product_id\":"
            + "\"BTC-USD\",\"updates\":[{\"side\":\"bid\",\"event_time\":\"2023-02-09T20:32:50.714964855Z\","
            + "\"price_level\":\"21921.30\",\"new_quantity\":\"2.00000000\"},{\"side\":\"offer\",\"event_time\":"
            + "\"2023-02-09T20:32:50.714964855Z\",\"price_level\":\"21922\",\"new_quantity\":\"0\"}]}]}";

    private final VenueBooks books = new CoinbaseVenue().newBooks(
            List.of(Instrument.of("ETH-USD"), Instrument.of("BTC-USD")), new FeedEvents());
    private final LevelBatch batch = new LevelBatch();
    private final DocumentedL2Frame reader = new DocumentedL2Frame(books, batch);

    /** A level staged, as a value. */
    private record Staged(Side side, long price, long size) {
    }

    @Test
    void anUpdateAsCoinbaseSendsItIsStagedWhole() {
        assertThat(stage(UPDATE)).isTrue();

        assertThat(batch.sectionCount()).isEqualTo(1);
        assertThat(batch.sectionBook(0)).isSameAs(books.get(1));
        assertThat(batch.isSnapshot(0)).isFalse();
        assertThat(reader.sequence()).isEqualTo(7);
        assertThat(reader.time()).isEqualTo(1_675_974_770_714_964_855L);
        assertThat(staged()).containsExactly(new Staged(Side.BID, 2_192_130_000_000L, 20_000_000_000L),
                new Staged(Side.ASK, 2_192_200_000_000L, 0));
    }

    @Test
    void aSnapshotWithoutUpdatesIsStagedAsAnEmptySnapshot() {
        String snapshot = UPDATE.replace("\"update\"", "\"snapshot\"").replace("\"BTC-USD\"", "\"ETH-USD\"")
                .replaceFirst("\"updates\":\\[.*", "\"updates\":[]}]}");

        assertThat(stage(snapshot)).isTrue();

        assertThat(batch.sectionBook(0)).isSameAs(books.get(0));
        assertThat(batch.isSnapshot(0)).isTrue();
        assertThat(staged()).isEmpty();
    }

    @Test
    void aTimestampThatIsNoTimeIsStagedWithoutATime() {
        assertThat(stage(UPDATE.replace("\"timestamp\":\"2023-02-09T20:32:50.714964855Z\"", "\"timestamp\":\"now\"")))
                .isTrue();

        assertThat(reader.time()).isEqualTo(BookListener.NONE);
    }

    @Test
    void everyL2DataFrameTheServerSideWritesIsStaged() {
        DialectHarness server = new DialectHarness(new CoinbaseVenue(), "ETH-USD", "BTC-USD");
        Instrument btc = Instrument.of("BTC-USD");
        server.truth(btc).set(Side.BID, 6_000_000_000_000L, 100_000_000L);
        server.truth(btc).set(Side.ASK, 6_000_100_000_000L, 1_000L);
        List<String> frames = new ArrayList<>(server.connect());
        frames.addAll(server.subscribe(List.of(btc)));
        frames.addAll(server.change(btc, List.of(new Level(Side.BID, 5_999_999_000_000L, 5L),
                new Level(Side.ASK, 6_000_100_000_000L, 0))));
        List<String> l2Data = frames.stream().filter(frame -> frame.contains("\"channel\":\"l2_data\"")).toList();

        List<String> staged = frames.stream().filter(this::stage).toList();

        assertThat(l2Data).hasSize(2);
        assertThat(staged).isEqualTo(l2Data);
    }

    /** Frames the general reader reads, or rejects, otherwise: each is left to it. */
    @ParameterizedTest
    @ValueSource(strings = {
        "\"price_level\":\"21921.30\"->\"price_level\":\"0\"",
        "\"price_level\":\"21921.30\"->\"price_level\":\"021921.30\"",
        "\"price_level\":\"21921.30\"->\"price_level\":\"-21921.30\"",
        "\"price_level\":\"21921.30\"->\"price_level\":\"2.1e4\"",
        "\"price_level\":\"21921.30\"->\"price_level\":\"21921.\"",
        "\"price_level\":\"21921.30\"->\"price_level\":\"21921.000000001\"",
        "\"price_level\":\"21921.30\"->\"price_level\":\"12345678901\"",
        "\"new_quantity\":\"0\"->\"new_quantity\":\"0.00000000001\"",
        "\"new_quantity\":\"0\"->\"new_quantity\":0",
        "\"side\":\"bid\"->\"side\":\"ask\"",
        "\"BTC-USD\"->\"SOL-USD\"",
        "\"sequence_num\":7->\"sequence_num\":07",
        "\"sequence_num\":7->\"sequence_num\":1234567890123456789",
        "\"sequence_num\":7->\"sequence_num\":7.0",
        "\"timestamp\":\"2023->\"timestamp\":\"\\u0032023",
        "\"event_time\":\"2023->\"event_time\":\"\\u0032023",
        "\"event_time\":\"2023-02-09T20:32:50.714964855Z\"->\"event_time\":null",
        ",\"client_id\":\"\"->",
        "]}]}->]},{\"type\":\"update\",\"product_id\":\"ETH-USD\",\"updates\":[]}]}",
        "}]}]}->}]}]} ",
        "{\"channel\"-> {\"channel\""
    })
    void anythingElseIsLeftToTheGeneralReader(String edit) {
        String frame = DocumentedFrames.edited(UPDATE, edit);

        assertThat(stage(frame)).isFalse();
    }

    @Test
    void aFrameCutShortAnywhereIsLeftToTheGeneralReader() {
        assertThat(DocumentedFrames.stagedWhenCutShort(UPDATE, this::stage)).isEmpty();
    }

    private boolean stage(String frame) {
        byte[] buffer = DocumentedFrames.inBuffer(frame);
        return reader.stage(buffer, DocumentedFrames.OFFSET, frame.length());
    }

    private List<Staged> staged() {
        List<Staged> staged = new ArrayList<>();
        for (int level = batch.sectionStart(0); level < batch.sectionEnd(0); level++) {
            staged.add(new Staged(batch.side(level), batch.price(level), batch.size(level)));
        }
        return staged;
    }
}
