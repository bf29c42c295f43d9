package dev.sweep.venue.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.core.Side;
import dev.sweep.venue.DocumentedFrames;
import dev.sweep.venue.FeedEvents;
import dev.sweep.venue.LevelBatch;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.VenueHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentedUpdateFrameTest {

    /** Gemini's documented update. */
    private static final String UPDATE = VenueHarness.resource("gemini/update-docs.json").strip();

    private final VenueBooks books = new GeminiVenue().newBooks(
            List.of(Instrument.of("ETH-USD"), Instrument.of("BTC-USD")), new FeedEvents());
    private final LevelBatch batch = new LevelBatch();
    private final DocumentedUpdateFrame reader = new DocumentedUpdateFrame(books, batch);
    /** The book of the frame staged last, or null. */
    private VenueBook staged;

    /** A level staged, as a value. */
    private record Staged(Side side, long price, long size) {
    }

    @Test
    void anUpdateAsGeminiSendsItIsStagedWhole() {
        String update = UPDATE.replace("]]}", "],[\"buy\",\"9122.04\",\"0\"]]}");

        assertThat(stage(update)).isTrue();

        assertThat(staged).isSameAs(books.get(1));
        assertThat(batch.sectionCount()).as("the adapter closes the section").isZero();
        assertThat(staged()).containsExactly(new Staged(Side.ASK, 916_020_000_000L, 1_921_229_751L),
                new Staged(Side.BID, 912_204_000_000L, 0));
    }

    @Test
    void anUpdateWithoutChangesIsStagedEmpty() {
        assertThat(stage("{\"type\":\"l2_updates\",\"symbol\":\"ETHUSD\",\"changes\":[]}")).isTrue();

        assertThat(staged).isSameAs(books.get(0));
        assertThat(staged()).isEmpty();
    }

    /** Frames the general reader reads, or rejects, otherwise: each is left to it. */
    @ParameterizedTest
    @ValueSource(strings = {
        "\"9160.20\"->\"0\"",
        "\"9160.20\"->\"09160.20\"",
        "\"9160.20\"->\"-9160.20\"",
        "\"9160.20\"->\"9.16e3\"",
        "\"9160.20\"->\"12345678901\"",
        "\"0.1921229751\"->\"0.19212297511\"",
        "\"0.1921229751\"->0.1921229751",
        "\"sell\"->\"ask\"",
        "\"BTCUSD\"->\"SOLUSD\"",
        "]]}->]],\"trades\":[]}",
        "]]}->]]} ",
        "{\"type\"-> {\"type\"",
        "\"0.1921229751\"]->\"0.1921229751\",\"x\"]"
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
        staged = reader.stage(buffer, DocumentedFrames.OFFSET, frame.length());
        return staged != null;
    }

    /** Closes the section of the levels staged, as the adapter does, and lists them. */
    private List<Staged> staged() {
        batch.endSection(staged, false, -1);
        List<Staged> levels = new ArrayList<>();
        for (int level = batch.sectionStart(0); level < batch.sectionEnd(0); level++) {
            levels.add(new Staged(batch.side(level), batch.price(level), batch.size(level)));
        }
        return levels;
    }
}
