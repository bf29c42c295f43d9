package dev.sweep.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.feed.BookView;
import org.junit.jupiter.api.Test;

/** {@code sweep book}'s table: aligned columns, the spread and the mid. */
class BookTableTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    @Test
    void showsTheSpreadTheMidAndTheLevelsInAlignedColumns() {
        OrderBook book = new OrderBook("kraken", BTC_USD, 1);
        set(book, Side.BID, "67048.1", "0.00448475");
        set(book, Side.BID, "67047.9", "12.5");
        set(book, Side.BID, "9999.5", "1");
        set(book, Side.ASK, "67048.4", "3.74671261");
        set(book, Side.ASK, "67053.7", "0.3");

        String table = BookTable.render(new BookView("kraken", BookState.LIVE, true, book, 12_000_000, 10, 0, null),
                10);

        assertThat(table).isEqualTo("""
                kraken BTC-USD · LIVE · 12 ms old · 3 bids, 2 asks
                spread 0.3 (0.04 bps) · mid 67,048.25

                       size       bid │ ask             size
                 0.00448475  67,048.1 │ 67,048.4  3.74671261
                12.50000000  67,047.9 │ 67,053.7  0.30000000
                 1.00000000   9,999.5 │
                """);
    }

    @Test
    void aOneSidedBookHasNoSpreadOrMidAndSaysWhy() {
        OrderBook book = new OrderBook("gemini", BTC_USD, 2);
        set(book, Side.ASK, "100", "1");

        String table = BookTable.render(new BookView("gemini", BookState.LIVE, false, book, -1, 1, 0, null), 10);

        assertThat(table).isEqualTo("""
                gemini* BTC-USD · LIVE · 0 ms old · 0 bids, 1 ask
                * unverified: the feed has no sequence numbers or checksum to prove the book whole
                no spread or mid: the book has no bids

                size  bid │ ask     size
                          │ 100.00     1
                """);
    }

    private static void set(OrderBook book, Side side, String price, String size) {
        book.set(side, BTC_USD.parsePrice(price), BTC_USD.parseSize(size));
    }
}
