package dev.sweep.venue.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import dev.sweep.core.BookState;
import dev.sweep.core.Level;
import dev.sweep.venue.DialectHarness;
import dev.sweep.venue.LevelArbitraries;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueHarness;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class KrakenChecksumTest {

    private static final Instrument PAIR = Instrument.of("BTC-USD");

    /**
     * Our checksum equals the one built the way Kraken's guide describes, from decimal strings: format with the
     * precision, drop the point, strip leading zeros, asks then bids, top 10 each.
     */
    @Property(tries = 1000)
    void equalsTheGuidesStringConstruction(@ForAll @IntRange(min = 0, max = 8) int pricePrecision,
                                           @ForAll @IntRange(min = 0, max = 10) int qtyPrecision,
                                           @ForAll @Size(max = 25) List<@LongRange(min = 1, max = 99_999_999) Long> bidUnits,
                                           @ForAll @Size(max = 25) List<@LongRange(min = 1, max = 99_999_999) Long> askUnits,
                                           @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long sizeUnits) {
        OrderBook book = new OrderBook("kraken", PAIR, 0);
        long priceStep = FixedPoint.powerOfTen(PAIR.priceScale() - pricePrecision);
        long sizeStep = FixedPoint.powerOfTen(PAIR.sizeScale() - qtyPrecision);
        long mid = 100_000_000L * priceStep;
        bidUnits.forEach(units -> book.set(Side.BID, mid - units * priceStep, (units % 7 + 1) * sizeUnits % 99_999 * sizeStep + sizeStep));
        askUnits.forEach(units -> book.set(Side.ASK, mid + units * priceStep, (units % 5 + 1) * sizeUnits % 77_777 * sizeStep + sizeStep));

        assertThat(new KrakenChecksum().compute(book, pricePrecision, qtyPrecision))
                .isEqualTo(reference(book, pricePrecision, qtyPrecision));
    }

    /**
     * One checksum instance over a book changing step by step — inserts that shift the top 10, deletions, resizes,
     * precision changes — stays equal to the guide's construction at every step, whatever it reuses from the last.
     */
    @Property(tries = 300)
    void staysExactAcrossAChangingBook(@ForAll @Size(max = 60) List<@LongRange(min = 0, max = 10_000_000) Long> steps) {
        KrakenChecksum checksum = new KrakenChecksum();
        OrderBook book = new OrderBook("kraken", PAIR, 1);
        long tick = FixedPoint.powerOfTen(PAIR.priceScale() - 1);
        long lot = FixedPoint.powerOfTen(PAIR.sizeScale() - 8);
        long mid = 60_000L * FixedPoint.powerOfTen(PAIR.priceScale());
        for (long step : steps) {
            Side side = step % 2 == 0 ? Side.BID : Side.ASK;
            long offset = 1 + (step / 2) % 25;
            long size = (step / 50) % 4 == 0 ? 0 : (1 + (step / 200) % 1_000) * lot;
            book.set(side, side == Side.BID ? mid - offset * tick : mid + offset * tick, size);
            int pricePrecision = step % 17 == 0 ? 2 : 1;
            assertThat(checksum.compute(book, pricePrecision, 8)).isEqualTo(reference(book, pricePrecision, 8));
        }
    }

    /**
     * As above, with several levels changing between two computations, as a frame changes them: inserts and deletes
     * that move the kept levels by more than one place, and new sizes at prices already listed.
     */
    @Property(tries = 300)
    void staysExactWhenSeveralLevelsChangeAtOnce(
            @ForAll @Size(max = 30) List<@Size(min = 1, max = 4) List<@LongRange(min = 0, max = 10_000_000) Long>> frames) {
        KrakenChecksum checksum = new KrakenChecksum();
        OrderBook book = new OrderBook("kraken", PAIR, 1);
        long tick = FixedPoint.powerOfTen(PAIR.priceScale() - 1);
        long lot = FixedPoint.powerOfTen(PAIR.sizeScale() - 8);
        long mid = 60_000L * FixedPoint.powerOfTen(PAIR.priceScale());
        for (List<Long> frame : frames) {
            for (long step : frame) {
                Side side = step % 2 == 0 ? Side.BID : Side.ASK;
                long offset = 1 + (step / 2) % 14;
                long size = (step / 50) % 4 == 0 ? 0 : (1 + (step / 200) % 1_000) * lot;
                book.set(side, side == Side.BID ? mid - offset * tick : mid + offset * tick, size);
            }
            assertThat(checksum.compute(book, 1, 8)).isEqualTo(reference(book, 1, 8));
        }
    }

    private static long reference(OrderBook book, int pricePrecision, int qtyPrecision) {
        StringBuilder text = new StringBuilder();
        for (Side side : List.of(Side.ASK, Side.BID)) {
            for (int i = 0; i < Math.min(10, book.side(side).depth()); i++) {
                text.append(digits(FixedPoint.toBigDecimal(book.side(side).price(i), PAIR.priceScale()), pricePrecision));
                text.append(digits(FixedPoint.toBigDecimal(book.side(side).size(i), PAIR.sizeScale()), qtyPrecision));
            }
        }
        CRC32 crc = new CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    private static String digits(BigDecimal value, int precision) {
        String plain = value.setScale(precision, RoundingMode.UNNECESSARY).toPlainString().replace(".", "");
        return plain.replaceFirst("^0+", "");
    }

    /**
     * At a subscribed depth of 10 the checksum covers every level the client keeps: a mutated update frame leaves the
     * book as it was or as it should be, never anything else that is live.
     */
    @Property(tries = 1000)
    void atDepthTenAMutatedUpdateLeavesTheBookAsItWasOrAsItShouldBe(
            @ForAll("books") List<Level> levels, @ForAll @Size(min = 1, max = 6) List<@From("changes") Level> changes,
            @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll byte replacement,
            @ForAll @IntRange(min = 0, max = 2) int kind) {
        KrakenVenue venue = new KrakenVenue(10);
        DialectHarness server = new DialectHarness(venue, "BTC-USD");
        VenueHarness client = new VenueHarness(venue, "BTC-USD");
        LevelArbitraries.set(server.truth(PAIR), levels);
        client.feed(server.connect()).feed(server.subscribe(List.of(PAIR)));
        OrderBook before = LevelArbitraries.visible(server.truth(PAIR), 10);
        List<String> update = server.change(PAIR, changes);
        OrderBook after = LevelArbitraries.visible(server.truth(PAIR), 10);

        for (String frame : update) {
            byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
            client.feed(VenueHarness.mutate(bytes, position % bytes.length, replacement, kind));
        }

        VenueBook book = client.book("BTC-USD");
        if (book.state() == BookState.LIVE) {
            assertThat(VenueHarness.sides(book.book()))
                    .isIn(VenueHarness.sides(before), VenueHarness.sides(after));
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
}
