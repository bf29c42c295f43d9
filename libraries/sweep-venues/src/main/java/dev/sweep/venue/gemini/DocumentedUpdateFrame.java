package dev.sweep.venue.gemini;

import dev.sweep.core.Side;
import dev.sweep.venue.LevelBatch;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.LayoutReader;
import dev.sweep.venue.json.LayoutReader.Literal;

/**
 * Stages the levels of an {@code l2_updates} update written exactly as Gemini writes it, in one pass over its bytes
 * ({@link LayoutReader}): the fields in the documented order, no white space, no {@code trades} (which would make it
 * the book's snapshot), each change {@code [side, price, quantity]} with the side {@code buy} or {@code sell} and the
 * numbers as plain decimal strings, read into scaled longs as they are scanned. The general reader tokenizes the frame,
 * looks every field name and word up and reads every number a second time from its token; on the frames Gemini
 * actually sends that is most of a frame's cost.
 *
 * <p>It only reads what the general reader would read the same way, to the same levels: any frame it does not
 * recognise to the last byte, and any value the general reader would reject or read otherwise (a zero price, a number
 * with a sign, an exponent or too many digits, an escaped string, an unknown symbol), makes {@link #stage} return
 * null, and the caller reads the frame the general way, which decides its fate.
 */
final class DocumentedUpdateFrame {

    private static final Literal START = Literal.of("{\"type\":\"l2_updates\",\"symbol\":\"");
    private static final Literal CHANGES = Literal.of(",\"changes\":[");
    private static final Literal BUY = Literal.of("[\"buy\",\"");
    private static final Literal SELL = Literal.of("[\"sell\",\"");
    private static final Literal BETWEEN = Literal.of("\",\"");
    private static final Literal CHANGE_END = Literal.of("\"]");
    private static final Literal END = Literal.of("]}");

    private final LayoutReader reader = new LayoutReader();
    private final VenueBook[] books;
    /** Each book's symbol as the frame writes it between quotes; null for one this reader cannot match. */
    private final byte[][] symbols;
    private final LevelBatch batch;
    private final int priceScale;
    private final int sizeScale;

    DocumentedUpdateFrame(VenueBooks books, LevelBatch batch) {
        this.books = new VenueBook[books.size()];
        this.symbols = new byte[books.size()][];
        for (int i = 0; i < books.size(); i++) {
            this.books[i] = books.get(i);
            this.symbols[i] = LayoutReader.plain(books.get(i).venueSymbol());
        }
        this.batch = batch;
        this.priceScale = books.priceScale();
        this.sizeScale = books.sizeScale();
    }

    /**
     * Stages the frame's changes in the batch, without closing their section, if it is an {@code l2_updates} update
     * in Gemini's own layout.
     *
     * @return the book it updates, or null when it is not such a frame (the batch may then hold part of it: the
     *         general reader starts it afresh)
     */
    VenueBook stage(byte[] frame, int offset, int length) {
        reader.wrap(frame, offset, length);
        if (!reader.skip(START)) {
            return null;
        }
        int symbol = reader.skipQuoted(symbols);
        if (symbol < 0 || !reader.skip(CHANGES)) {
            return null;
        }
        batch.clear();
        if (!changes() || !reader.skip(END) || !reader.atEnd()) {
            return null;
        }
        return books[symbol];
    }

    /** The changes, up to the array's closing bracket, which is left to read; false on anything else. */
    private boolean changes() {
        if (reader.at(']')) {
            return true;
        }
        do {
            Side side;
            if (reader.skip(BUY)) {
                side = Side.BID;
            } else if (reader.skip(SELL)) {
                side = Side.ASK;
            } else {
                return false;
            }
            long price = reader.decimal(priceScale);
            if (price <= 0 || !reader.skip(BETWEEN)) {
                return false;
            }
            long quantity = reader.decimal(sizeScale);
            if (quantity < 0 || !reader.skip(CHANGE_END) || !batch.addLevel(side, price, quantity)) {
                return false;
            }
        } while (reader.skip(','));
        return true;
    }
}
