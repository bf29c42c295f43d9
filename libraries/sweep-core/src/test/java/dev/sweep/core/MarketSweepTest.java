package dev.sweep.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What kind of report each part of an analysis is: told by its type, never by a venue's name. */
class MarketSweepTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final OrderRequest SELL_TWO = new OrderRequest(OrderSide.SELL, BigDecimal.valueOf(2), false);

    @Test
    void aVenueNamedLikeTheMergedReportIsStillAVenue() {
        SweepAnalysis analysis = new MarketSweep().analyze(SELL_TWO,
                List.of(source("merged", "100@1"), source("best", "101@3")));

        assertThat(analysis.venues()).extracting(SweepReport::label).containsExactly("merged", "best");
        assertThat(analysis.venues()).extracting(SweepReport::kind)
                .containsExactly(SweepReport.Kind.VENUE, SweepReport.Kind.VENUE);
        assertThat(analysis.merged().kind()).isEqualTo(SweepReport.Kind.MERGED);
    }

    @Test
    void bestAloneIsTheVenueThatFillsTheWholeOrderAtTheBestPriceAfterFees() {
        // a fills 2 at 101 less 1 %, b at 100.5 with no fee: b brings more after fees.
        SweepAnalysis analysis = new MarketSweep().analyze(SELL_TWO,
                List.of(source("a", TakerFee.parse("1%"), "101@5"), source("b", TakerFee.NONE, "100.5@2"),
                        source("c", TakerFee.NONE, "102@1")));

        assertThat(analysis.bestAlone()).map(SweepReport::label).contains("b");
    }

    @Test
    void noVenueIsBestAloneWhenNoneFillsTheWholeOrder() {
        SweepAnalysis analysis = new MarketSweep().analyze(SELL_TWO,
                List.of(source("a", "100@1"), source("b", "101@1")));

        assertThat(analysis.bestAlone()).isEmpty();
    }

    private static SweepSource source(String venue, String... bids) {
        return source(venue, TakerFee.NONE, bids);
    }

    /** A book with the given bids, each {@code price@size}. */
    private static SweepSource source(String venue, long takerFee, String... bids) {
        OrderBook book = new OrderBook(venue, BTC_USD, 2);
        for (String bid : bids) {
            String[] level = bid.split("@");
            book.set(Side.BID, FixedPoint.parseOrThrow(level[0], BTC_USD.priceScale()),
                    FixedPoint.parseOrThrow(level[1], BTC_USD.sizeScale()));
        }
        return new SweepSource(book, takerFee);
    }
}
