package dev.sweep.report.render;

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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text report of live books, built from real books swept by the real engine. */
class HumanRendererTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    @Test
    void aVenueLeftOutSaysSoWithItsStateAndReason() {
        OrderBook kraken = book("kraken", 1, 100);
        BookView syncing = new BookView("gemini", BookState.SYNCING, false, new OrderBook("gemini", BTC_USD, 2), -1,
                0, 0, "cannot connect to ws://127.0.0.1:1/gemini/v2/marketdata (connection refused)");

        String report = render(List.of(live(kraken), syncing), "1");

        assertThat(report).contains("\ngemini  SYNCING · skipped: cannot connect to"
                + " ws://127.0.0.1:1/gemini/v2/marketdata (connection refused)\n");
    }

    @Test
    void aDeepSweepListsTheFirstAndLastFillsAndHowManyAreLeftOut() {
        String report = render(List.of(live(book("kraken", 1, 2_000))), "1500", 100, FillList.SUMMARY);

        assertThat(fillsSection(report)).isEqualTo("""
                fills (price, size) · the first and last 3; --fills lists them all
                kraken  (100.0, 1) (100.1, 1) (100.2, 1) … 1,494 more … (249.7, 1) (249.8, 1) (249.9, 1)
                """);
    }

    @Test
    void everyFillIsListedOnLinesThatFitTheWidth() {
        String report = render(List.of(live(book("kraken", 1, 2_000))), "1500", 80, FillList.ALL);

        String fills = fillsSection(report);
        assertThat(Pattern.compile("\\(\\d[\\d,]*\\.\\d, 1\\)").matcher(fills).results().count()).isEqualTo(1500);
        assertThat(fills).startsWith("fills (price, size)\nkraken  (100.0, 1) (100.1, 1)").endsWith(" (249.9, 1)\n");
        assertThat(widest(report)).isBetween(70, 80);
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 72, 100, 160})
    void noLineIsWiderThanTheWidth(int width) {
        BookView syncing = new BookView("gemini", BookState.SYNCING, false, new OrderBook("gemini", BTC_USD, 2), -1,
                0, 0, "cannot connect to ws://127.0.0.1:1/gemini/v2/marketdata (connection refused) after 12 attempts"
                        + " over the last 30 seconds");
        List<BookView> views = List.of(live(book("kraken", 1, 300)), live(book("coinbase", 2, 300)), syncing);

        String report = render(views, "400", width, FillList.ALL);

        assertThat(widest(report)).isLessThanOrEqualTo(width);
        assertThat(report).contains("├─ filled        400 / 400 BTC  complete\n");
    }

    @Test
    void aNarrowWidthStillWrapsTheSummaryAtItsSeparators() {
        String report = render(List.of(live(book("kraken", 1, 10)), live(book("coinbase", 2, 10))), "3", 60,
                FillList.SUMMARY);

        assertThat(report).startsWith("""
                BUY 3 BTC-USD
                merged VWAP 100.0333 USD (100.0333 after fees)
                3.33 bps vs best · best alone: kraken 100.1000 after fees
                """);
    }

    private static String fillsSection(String report) {
        return report.substring(report.indexOf("fills (price, size)"));
    }

    private static int widest(String report) {
        return report.lines().mapToInt(line -> line.codePointCount(0, line.length())).max().orElse(0);
    }

    /** A kraken-like book: asks from 100.0 up in steps of 0.1, one BTC each; up to 100 bids the same from 99.0 down. */
    static OrderBook book(String venue, int pricePrecision, int levels) {
        OrderBook book = new OrderBook(venue, BTC_USD, pricePrecision);
        long step = 10_000_000L;
        for (int i = 0; i < levels; i++) {
            book.set(Side.ASK, 100_00000000L + i * step, 1_0000000000L);
            if (i < 100) {
                book.set(Side.BID, 99_00000000L - i * step, 1_0000000000L);
            }
        }
        return book;
    }

    static BookView live(OrderBook book) {
        return new BookView(book.venue(), BookState.LIVE, true, book, 5_000_000, 1, 0, null);
    }

    static String render(List<BookView> views, String quantity) {
        return render(views, quantity, 100, FillList.SUMMARY);
    }

    static String render(List<BookView> views, String quantity, int width, FillList fills) {
        return new HumanRenderer(false, width, fills).render(output(views, quantity));
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
