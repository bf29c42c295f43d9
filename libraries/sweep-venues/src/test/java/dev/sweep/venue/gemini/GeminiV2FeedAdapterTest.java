package dev.sweep.venue.gemini;

import static dev.sweep.venue.VenueHarness.levels;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.venue.FeedEvents.Heartbeat;
import dev.sweep.venue.FeedEvents.Live;
import dev.sweep.venue.FeedEvents.Rejected;
import dev.sweep.venue.FeedEvents.VenueError;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.Integrity;
import org.junit.jupiter.api.Test;

class GeminiV2FeedAdapterTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    private final VenueHarness gemini = new VenueHarness(new GeminiVenue(), "BTC-USD");

    @Test
    void v2BooksHaveNoCheckAndAreUnverified() {
        GeminiVenue venue = new GeminiVenue();
        assertThat(venue.descriptor().integrity()).isEqualTo(Integrity.NONE);
        assertThat(venue.descriptor().integrity().isVerified()).isFalse();
        assertThat(venue.symbol(BTC_USD)).isEqualTo("BTCUSD");
        assertThat(venue.descriptor().simulatorPath()).isEqualTo("/gemini/v2/marketdata");
    }

    @Test
    void theInitialMessageIsTheSnapshotAndLaterOnesAreChanges() {
        gemini.feedResource("gemini/initial-docs.json");
        assertThat(gemini.events().drain()).containsExactly(new Live("BTC-USD"));

        gemini.feedResource("gemini/update-docs.json");

        assertThat(levels(gemini.book("BTC-USD").book().bids(), BTC_USD)).containsExactly("9122.04@0.00121425");
        assertThat(levels(gemini.book("BTC-USD").book().asks(), BTC_USD))
                .containsExactly("9122.07@0.98942292", "9160.2@0.1921229751");
    }

    @Test
    void aNewSnapshotReplacesTheBookWithoutGhostLevels() {
        gemini.feedResource("gemini/initial-docs.json");
        gemini.feedResource("gemini/update-docs.json");

        gemini.feedResource("gemini/initial-ccxt-capture.json");

        assertThat(levels(gemini.book("BTC-USD").book().bids(), BTC_USD))
                .containsExactly("22252.37@0.02", "22251.61@0.04", "22251.6@0.04");
        assertThat(gemini.book("BTC-USD").book().asks().isEmpty()).isTrue();
        assertThat(gemini.book("BTC-USD").state()).isEqualTo(BookState.LIVE);
    }

    @Test
    void changesBeforeTheSnapshotAreRejected() {
        gemini.feedResource("gemini/update-docs.json");

        assertThat(gemini.events().drain()).containsExactly(new Rejected("update before a snapshot for BTCUSD"));
        assertThat(gemini.book("BTC-USD").state()).isEqualTo(BookState.SYNCING);
    }

    @Test
    void tradesAndHeartbeatsShowLivenessWithoutTouchingTheBook() {
        gemini.feedResource("gemini/initial-docs.json");
        gemini.events().drain();

        gemini.feedResource("gemini/trade-docs.json");
        gemini.feed(new GeminiV2Proxy().heartbeat(1_700_000_000_000L));

        assertThat(gemini.events().drain()).containsExactly(new Heartbeat(), new Heartbeat());
        assertThat(levels(gemini.book("BTC-USD").book().bids(), BTC_USD)).containsExactly("9122.04@0.00121425");
    }

    @Test
    void errorsAndUnknownSymbolsAreReported() {
        gemini.feed(new GeminiV2Proxy().error("InvalidSymbol", "Unknown symbol PUPSUSD"));
        gemini.feed(VenueHarness.resource("gemini/update-docs.json").replace("BTCUSD", "ETHUSD"));

        assertThat(gemini.events().drain()).containsExactly(new VenueError("InvalidSymbol"),
                new Rejected("l2_updates for an unsubscribed symbol"));
    }

    @Test
    void aBadSideRejectsTheFrameAndBreaksTheBook() {
        gemini.feedResource("gemini/initial-docs.json");
        gemini.events().drain();

        gemini.feed(VenueHarness.resource("gemini/update-docs.json").replace("\"sell\"", "\"short\""));

        assertThat(gemini.book("BTC-USD").state()).isEqualTo(BookState.BROKEN);
        assertThat(gemini.events().drain()).first().isEqualTo(new Rejected("side must be buy or sell, not short"));
    }

    @Test
    void endlessSnapshotsEachReplaceTheBookAndNothingPilesUp() {
        for (int i = 0; i < 2_000; i++) {
            gemini.feed("{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"buy\",\"" + (9000 + i)
                    + ".5\",\"1\"],[\"sell\",\"" + (20000 + i) + ".5\",\"2\"]],\"trades\":[],\"auction_events\":[]}");
        }

        assertThat(levels(gemini.book("BTC-USD").book().bids(), BTC_USD)).containsExactly("10999.5@1");
        assertThat(levels(gemini.book("BTC-USD").book().asks(), BTC_USD)).containsExactly("21999.5@2");
        assertThat(gemini.book("BTC-USD").updates()).isEqualTo(2_000);
    }
}
