package dev.sweep.report.bookfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BookFileTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    @TempDir
    Path folder;

    /**
     * The largest book a file may hold, listed best-first as {@code sweep book --json} writes it. Inserting such levels
     * one by one moves every level already read: about 10^12 element moves, some 500 CPU seconds on the development
     * machine (20 s for 200,000 levels a side, 96 s for 400,000), where loading sorted columns takes 2. The test
     * counts the CPU time of the loading thread, not the wall clock, so a busy machine does not fail it; the timeout
     * only stops a quadratic loader early.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theLargestBookListedBestFirstLoadsInSeconds() throws IOException {
        int levels = BookFile.MAX_LEVELS_PER_SIDE;
        Path file = folder.resolve("deep.json");
        long top = 5_000_000_00L;
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("{\"books\":[{\"venue\":\"kraken\",\"symbol\":\"BTC-USD\",\"bids\":[");
            for (int i = 0; i < levels; i++) {
                out.write((i == 0 ? "[\"" : ",[\"") + cents(top - 1 - i) + "\",\"1.5\"]");
            }
            out.write("],\"asks\":[");
            for (int i = 0; i < levels; i++) {
                out.write((i == 0 ? "[\"" : ",[\"") + cents(top + i) + "\",\"0.25\"]");
            }
            out.write("]}]}");
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();

        List<OrderBook> books = BookFile.read(file, BTC_USD);

        assertThat(TimeUnit.NANOSECONDS.toSeconds(threads.getCurrentThreadCpuTime() - cpuBefore))
                .as("CPU seconds to load").isLessThan(30);
        OrderBook book = books.get(0);
        assertThat(book.bids().depth()).isEqualTo(levels);
        assertThat(book.asks().depth()).isEqualTo(levels);
        assertThat(format(book.bestBid())).isEqualTo(cents(top - 1));
        assertThat(format(book.bids().price(levels - 1))).isEqualTo(cents(top - levels));
        assertThat(format(book.bestAsk())).isEqualTo(cents(top));
        assertThat(format(book.asks().price(levels - 1))).isEqualTo(cents(top + levels - 1));
        assertThat(book.asks().size(levels - 1)).isEqualTo(BTC_USD.parseSize("0.25"));
        assertThat(book.pricePrecision()).isEqualTo(2);
    }

    @Test
    void levelsListedInAnyOrderMakeTheSameBook() throws IOException {
        Path file = folder.resolve("unsorted.json");
        Files.writeString(file, """
                {"books": [{"venue": "kraken", "symbol": "BTC-USD",
                            "bids": [["99.5", "3"], ["100.5", "1"], ["100.0", "2"]],
                            "asks": [["102", "5"], ["101.25", "4"], ["103", "6"]]}]}""");

        OrderBook book = BookFile.read(file, BTC_USD).get(0);

        assertThat(BookFile.write(List.of(book), Integer.MAX_VALUE)).isEqualTo("{\"books\":[{\"venue\":\"kraken\","
                + "\"symbol\":\"BTC-USD\",\"bids\":[[\"100.5\",\"1\"],[\"100\",\"2\"],[\"99.5\",\"3\"]],"
                + "\"asks\":[[\"101.25\",\"4\"],[\"102\",\"5\"],[\"103\",\"6\"]]}]}");
        assertThat(book.pricePrecision()).isEqualTo(2);
    }

    private static String cents(long cents) {
        long fraction = cents % 100;
        return cents / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }

    private static String format(long price) {
        return FixedPoint.toBigDecimal(price, BTC_USD.priceScale()).setScale(2).toPlainString();
    }

    /**
     * A side the venue sends only the best of stays truncated through a book file, and so does a side written to a
     * depth shorter than it: a sweep of the file that runs off its end says so, as it would have live.
     */
    @Test
    void truncatedSidesAreNamedInTheFileAndReadBackTruncated() throws IOException {
        OrderBook book = new OrderBook("okx", BTC_USD, 2);
        book.set(Side.BID, FixedPoint.parseOrThrow("100", BTC_USD.priceScale()), 1);
        book.set(Side.BID, FixedPoint.parseOrThrow("99", BTC_USD.priceScale()), 1);
        book.set(Side.ASK, FixedPoint.parseOrThrow("101", BTC_USD.priceScale()), 1);
        book.asks().setTruncated(true);

        String whole = BookFile.write(List.of(book), Integer.MAX_VALUE);
        String cut = BookFile.write(List.of(book), 1);
        OrderBook wholeRead = readBack(whole);
        OrderBook cutRead = readBack(cut);

        assertThat(whole).contains("\"symbol\":\"BTC-USD\",\"truncated\":[\"asks\"],\"bids\"");
        assertThat(cut).contains("\"truncated\":[\"bids\",\"asks\"]");
        assertThat(List.of(wholeRead.bids().isTruncated(), wholeRead.asks().isTruncated(), wholeRead.bids().depth()))
                .containsExactly(false, true, 2);
        assertThat(List.of(cutRead.bids().isTruncated(), cutRead.asks().isTruncated(), cutRead.bids().depth()))
                .containsExactly(true, true, 1);
    }

    @Test
    void aBookHeldWholeNamesNoTruncatedSide() throws IOException {
        OrderBook book = new OrderBook("kraken", BTC_USD, 2);
        book.set(Side.BID, FixedPoint.parseOrThrow("100", BTC_USD.priceScale()), 1);
        book.set(Side.ASK, FixedPoint.parseOrThrow("101", BTC_USD.priceScale()), 1);

        String text = BookFile.write(List.of(book), 1);

        assertThat(text).doesNotContain("truncated");
        assertThat(readBack(text).bids().isTruncated()).isFalse();
    }

    private OrderBook readBack(String text) throws IOException {
        Path file = folder.resolve("books.json");
        Files.writeString(file, text);
        return BookFile.read(file, BTC_USD).get(0);
    }
}
