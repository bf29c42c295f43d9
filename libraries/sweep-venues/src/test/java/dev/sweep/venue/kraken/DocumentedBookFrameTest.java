package dev.sweep.venue.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.Side;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.FeedEvents;
import dev.sweep.venue.LevelBatch;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.VenueHarness;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentedBookFrameTest {

    /** The start of a BTC/USD update in Kraken's layout, up to its bids. */
    private static final String BTC = "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",";
    private static final String LIVE_CAPTURE = VenueHarness.resource("kraken/update-removal-live-capture.json").strip();

    private final VenueBooks books = new KrakenVenue().newBooks(
            List.of(Instrument.of("ETH-USD"), Instrument.of("BTC-USD")), new FeedEvents());
    private final LevelBatch batch = new LevelBatch();
    private final DocumentedBookFrame reader = new DocumentedBookFrame(books, batch);

    /** A level staged, as a value. */
    private record Staged(Side side, long price, long size) {
    }

    @Test
    void anUpdateAsKrakenSendsItIsStagedWhole() {
        assertThat(stage(LIVE_CAPTURE)).isTrue();

        assertThat(batch.sectionCount()).isEqualTo(1);
        assertThat(batch.sectionBook(0)).isSameAs(books.get(1));
        assertThat(batch.isSnapshot(0)).isFalse();
        assertThat(batch.checksum(0)).isEqualTo(4249465476L);
        assertThat(batch.venueNanos(0)).isEqualTo(1_786_923_423_745_044_000L);
        assertThat(batch.venueSeq(0)).isEqualTo(BookListener.NONE);
        assertThat(staged()).containsExactly(new Staged(Side.ASK, 6_280_700_000_000L, 0),
                new Staged(Side.ASK, 6_281_880_000_000L, 6_554_071_200L));
    }

    @Test
    void aSnapshotWithoutTimestampIsStagedAsASnapshot() {
        String snapshot = "{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"ETH/USD\",\"bids\":"
                + "[{\"price\":3000.25,\"qty\":2},{\"price\":0.5,\"qty\":0.10000000}],\"asks\":[],\"checksum\":0}]}";

        assertThat(stage(snapshot)).isTrue();

        assertThat(batch.sectionBook(0)).isSameAs(books.get(0));
        assertThat(batch.isSnapshot(0)).isTrue();
        assertThat(batch.checksum(0)).isEqualTo(0);
        assertThat(batch.venueNanos(0)).isEqualTo(BookListener.NONE);
        assertThat(staged()).containsExactly(new Staged(Side.BID, 300_025_000_000L, 20_000_000_000L),
                new Staged(Side.BID, 50_000_000L, 1_000_000_000L));
    }

    /**
     * Numbers of every length around the eight digits read at a time, before and after the point, and with zeros beyond
     * the scale, stage as {@link FixedPoint#parse} reads them; those too long to be sure that they fit, and those it
     * rejects, are left to the general reader.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1", "9", "12345678", "123456789", "1234567890", "1234567812345678", "0", "0.5",
            "0.12345678", "0.1234567812", "67000.1", "67000.10000000", "67000.100000000000000000000", "99999999.99999999",
            "10000000000.000000001000", "0.00000000000000000000", "12345678.1", "1.0"})
    void anAmountStagesAsItIsParsed(String amount) {
        String frame = BTC + "\"bids\":[{\"price\":" + amount + ",\"qty\":" + amount
                + "}],\"asks\":[],\"checksum\":1}]}";
        long price = FixedPoint.parse(amount, books.priceScale());
        long qty = FixedPoint.parse(amount, books.sizeScale());

        boolean staged = stage(frame);

        if (price > 0 && qty >= 0 && surelyFits(amount, books.priceScale()) && surelyFits(amount, books.sizeScale())) {
            assertThat(staged).isTrue();
            assertThat(staged()).containsExactly(new Staged(Side.BID, price, qty));
        } else {
            assertThat(staged).isFalse();
        }
    }

    /** Each a small departure from the live capture that the general reader must judge (some it accepts). */
    @ParameterizedTest
    @ValueSource(strings = {
            BTC + "\"bids\":[],\"asks\":[]}]}",
            " {\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[],\"asks\":[],\"checksum\":1}]}",
            "{\"type\":\"update\",\"channel\":\"book\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[],\"asks\":[],\"checksum\":1}]}",
            "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"SOL/USD\",\"bids\":[],\"asks\":[],\"checksum\":1}]}",
            "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USDT\",\"bids\":[],\"asks\":[],\"checksum\":1}]}",
            BTC + "\"asks\":[],\"bids\":[],\"checksum\":1}]}",
            BTC + "\"bids\":[],\"asks\":[],\"checksum\":1} ]}",
            BTC + "\"bids\":[],\"asks\":[],\"checksum\":1}]} ",
            BTC + "\"bids\":[],\"asks\":[],\"checksum\":1}]}}",
            BTC + "\"bids\":[],\"asks\":[],\"checksum\":1},{}]}",
            BTC + "\"bids\":[],\"asks\":[],\"checksum\":1.0}]}",
            BTC + "\"bids\":[],\"asks\":[],\"checksum\":01}]}",
            BTC + "\"bids\":[],\"asks\":[],\"checksum\":4294967296}]}",
            BTC + "\"bids\":[],\"asks\":[],\"checksum\":12345678901}]}",
            BTC + "\"bids\":[],\"asks\":[],\"checksum\":-1}]}",
            BTC + "\"bids\":[{\"price\":0,\"qty\":1}],\"asks\":[],\"checksum\":1}]}",
            BTC + "\"bids\":[{\"price\":1e3,\"qty\":1}],\"asks\":[],\"checksum\":1}]}",
            BTC + "\"bids\":[{\"price\":1.,\"qty\":1}],\"asks\":[],\"checksum\":1}]}",
            BTC + "\"bids\":[{\"price\":01,\"qty\":1}],\"asks\":[],\"checksum\":1}]}",
            BTC + "\"bids\":[{\"price\":\"1\",\"qty\":1}],\"asks\":[],\"checksum\":1}]}",
            BTC + "\"bids\":[{\"price\":1,\"qty\":-1}],\"asks\":[],\"checksum\":1}]}",
            BTC + "\"bids\":[{\"price\":1,\"qty\":0.000000000001}],\"asks\":[],\"checksum\":1}]}",
            BTC + "\"bids\":[{\"price\":12345678901,\"qty\":1}],\"asks\":[],\"checksum\":1}]}",
            BTC + "\"bids\":[{\"qty\":1,\"price\":1}],\"asks\":[],\"checksum\":1}]}",
            BTC + "\"bids\":[{\"price\":1,\"qty\":1,\"x\":1}],\"asks\":[],\"checksum\":1}]}",
            BTC + "\"bids\":[{\"price\":1,\"qty\":1},],\"asks\":[],\"checksum\":1}]}",
            BTC + "\"bids\":[],\"asks\":[],\"checksum\":1,\"timestamp\":\"2026-08-16T23:37:03\\u002e745044Z\"}]}",
            BTC + "\"bids\":[],\"asks\":[],\"checksum\":1,\"timestamp\":\"2026-08-16T23:37:03.745044Z}]}",
            BTC + "\"bids\":[],\"asks\":[],\"checksum\":1,\"timestamp\":12}]}",
            BTC + "\"bids\":[],\"asks\":[],\"timestamp\":\"2026-08-16T23:37:03.745044Z\",\"checksum\":1}]}",
            "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC\\/USD\",\"bids\":[],\"asks\":[],\"checksum\":1}]}",
            BTC + "\"bids\":[],\"asks\":[],\"checksum\":1"})
    void anyOtherFrameIsLeftToTheGeneralReader(String frame) {
        assertThat(stage(frame)).isFalse();
    }

    @Test
    void aTimestampThatIsNoTimeIsStagedAsNone() {
        String frame = LIVE_CAPTURE.replace("2026-08-16T23:37:03.745044Z", "2026-02-30T23:37:03Z");

        assertThat(stage(frame)).isTrue();

        assertThat(batch.venueNanos(0)).isEqualTo(BookListener.NONE);
    }

    @Test
    void itReadsNothingOutsideTheFrame() {
        byte[] capture = LIVE_CAPTURE.getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[capture.length + 20];
        System.arraycopy(capture, 0, buffer, 10, capture.length);
        buffer[10 + capture.length] = ' ';

        assertThat(reader.stage(buffer, 10, capture.length)).isTrue();
        assertThat(reader.stage(buffer, 10, capture.length - 1)).isFalse();
        assertThat(reader.stage(buffer, 10, capture.length + 1)).isFalse();
    }

    /** Whether the layout reader reads the number itself: its integer digits and the scale make at most 18 digits. */
    private static boolean surelyFits(String amount, int scale) {
        int point = amount.indexOf('.');
        return amount.startsWith("0") || (point < 0 ? amount.length() : point) + scale <= 18;
    }

    private boolean stage(String frame) {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        return reader.stage(bytes, 0, bytes.length);
    }

    private List<Staged> staged() {
        List<Staged> levels = new ArrayList<>();
        for (int level = batch.sectionStart(0); level < batch.sectionEnd(0); level++) {
            levels.add(new Staged(batch.side(level), batch.price(level), batch.size(level)));
        }
        return levels;
    }
}
