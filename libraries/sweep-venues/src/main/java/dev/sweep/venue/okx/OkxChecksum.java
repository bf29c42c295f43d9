package dev.sweep.venue.okx;

import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.OrderBook;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * OKX's legacy {@code books} checksum: CRC32, as a signed 32-bit int, of the best 25 bids and asks interleaved
 * ({@code bid1px:bid1sz:ask1px:ask1sz:bid2px:…}, a side's missing levels skipped), each amount as OKX writes it:
 * plain decimals without trailing zeros. OKX has sent 0 in its place since 2026-06-23 (production); a non-zero value
 * is still checked.
 */
final class OkxChecksum {

    static final int LEVELS = 25;

    private OkxChecksum() {
    }

    /** The checksum of the book as it is. */
    static int of(OrderBook book) {
        return of(text(book));
    }

    /** The checksum of a check string such as {@code 3366.1:7:3366.8:9}. */
    static int of(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.US_ASCII));
        return (int) crc.getValue();
    }

    /** The check string of the book: its best 25 bids and asks, interleaved. */
    static String text(OrderBook book) {
        StringBuilder out = new StringBuilder(1024);
        BookSide bids = book.bids();
        BookSide asks = book.asks();
        for (int i = 0; i < LEVELS; i++) {
            append(out, bids, i, book);
            append(out, asks, i, book);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, BookSide side, int level, OrderBook book) {
        if (level >= side.depth()) {
            return;
        }
        out.append(out.isEmpty() ? "" : ":")
                .append(FixedPoint.format(side.price(level), book.instrument().priceScale())).append(':')
                .append(FixedPoint.format(side.size(level), book.instrument().sizeScale()));
    }
}
