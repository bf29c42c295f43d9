package dev.sweep.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.MarketSweep;
import dev.sweep.core.OrderBook;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.core.Side;
import dev.sweep.core.SweepSource;
import dev.sweep.core.TakerFee;
import dev.sweep.feed.BookView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text report of live books, built from real books swept by the real engine. */
class HumanRendererTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    @Test
    void aVenueLeftOutSaysSoWithItsStateAndReason() {
        OrderBook kraken = book("kraken", 1, 100);
        BookView syncing = new BookView("gemini", BookState.SYNCING, new OrderBook("gemini", BTC_USD, 2), -1, 0, 0,
                "cannot connect to ws://127.0.0.1:1/gemini/v2/marketdata (connection refused)");

        String report = render(List.of(live(kraken), syncing), "1");

        assertThat(report).contains("\ngemini  SYNCING · skipped: cannot connect to"
                + " ws://127.0.0.1:1/gemini/v2/marketdata (connection refused)\n");
    }

    /** A kraken-like book: asks from 100.0 up in steps of 0.1, one BTC each. */
    static OrderBook book(String venue, int pricePrecision, int levels) {
        OrderBook book = new OrderBook(venue, BTC_USD, pricePrecision);
        long step = 10_000_000L;
        for (int i = 0; i < levels; i++) {
            book.set(Side.ASK, 100_00000000L + i * step, 1_0000000000L);
            book.set(Side.BID, 99_00000000L - i * step, 1_0000000000L);
        }
        return book;
    }

    static BookView live(OrderBook book) {
        return new BookView(book.venue(), BookState.LIVE, book, 5_000_000, 1, 0, null);
    }

    static String render(List<BookView> views, String quantity) {
        return new HumanRenderer(false).render(output(views, quantity));
    }

    static SweepOutput output(List<BookView> views, String quantity) {
        List<SweepSource> sources = new ArrayList<>();
        for (BookView view : views) {
            if (view.isLive()) {
                sources.add(new SweepSource(view.book(), TakerFee.NONE));
            }
        }
        OrderRequest request = new OrderRequest(OrderSide.BUY, new BigDecimal(quantity), false);
        return new SweepOutput(SweepOutput.LIVE, new MarketSweep().analyze(request, sources), views);
    }
}
