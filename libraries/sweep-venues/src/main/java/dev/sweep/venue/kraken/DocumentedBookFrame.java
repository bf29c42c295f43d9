package dev.sweep.venue.kraken;

import dev.sweep.core.Side;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.LevelBatch;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.LayoutReader;
import dev.sweep.venue.json.LayoutReader.Literal;
import dev.sweep.venue.json.MinuteTimes;

/**
 * Stages a book frame written exactly as Kraken writes it, in one pass over its bytes: the fields in the documented
 * order, no white space, one book per frame, prices and quantities as plain decimal numbers, each read into its
 * scaled long as it is scanned. The general reader tokenizes the frame, looks every field name up and reads every
 * number a second time from its token; on the frames Kraken actually sends that is most of a frame's cost.
 *
 * <p>It only stages what the general reader would stage, the same levels with the same checksum and time: any frame
 * it does not recognise to the last byte, and any value the general reader would reject or read otherwise (a zero
 * price, a number in exponent form or with too many digits, an escaped or unterminated string, an unknown symbol),
 * makes {@link #stage} return false, and the caller reads the frame the general way, which decides its fate.
 */
final class DocumentedBookFrame {

    private static final long MAX_CHECKSUM = 0xFFFF_FFFFL;
    private static final int MAX_CHECKSUM_DIGITS = 10;

    private static final Literal UPDATE = Literal.of("{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"");
    private static final Literal SNAPSHOT = Literal.of("{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"");
    private static final Literal BIDS = Literal.of(",\"bids\":[");
    private static final Literal ASKS = Literal.of("],\"asks\":[");
    private static final Literal PRICE = Literal.of("{\"price\":");
    private static final Literal QTY = Literal.of(",\"qty\":");
    private static final Literal CHECKSUM = Literal.of("],\"checksum\":");
    private static final Literal TIMESTAMP = Literal.of(",\"timestamp\":");
    private static final Literal END = Literal.of("}]}");

    private final VenueBook[] books;
    /**
     * Each book's symbol as the frame writes it, with its closing quote, compared as the layout's other texts are;
     * null for one this reader cannot match byte for byte.
     */
    private final Literal[] symbols;
    private final LevelBatch batch;
    private final int priceScale;
    private final int sizeScale;
    private final LayoutReader reader = new LayoutReader();
    private final MinuteTimes times = new MinuteTimes();

    DocumentedBookFrame(VenueBooks books, LevelBatch batch) {
        this.books = new VenueBook[books.size()];
        this.symbols = new Literal[books.size()];
        for (int i = 0; i < books.size(); i++) {
            this.books[i] = books.get(i);
            String symbol = books.get(i).venueSymbol();
            this.symbols[i] = LayoutReader.plain(symbol) != null ? Literal.of(symbol + '"') : null;
        }
        this.batch = batch;
        this.priceScale = books.priceScale();
        this.sizeScale = books.sizeScale();
    }

    /**
     * Stages the frame in the batch, as the only section, if it is a book snapshot or update in Kraken's own layout.
     *
     * @return false when it is not (the batch may then hold part of it: the general reader starts it afresh)
     */
    boolean stage(byte[] frame, int offset, int length) {
        reader.wrap(frame, offset, length);
        boolean snapshot;
        if (reader.skip(UPDATE)) {
            snapshot = false;
        } else if (reader.skip(SNAPSHOT)) {
            snapshot = true;
        } else {
            return false;
        }
        VenueBook book = symbol();
        if (book == null || !reader.skip(BIDS)) {
            return false;
        }
        batch.clear();
        if (!levels(Side.BID) || !reader.skip(ASKS) || !levels(Side.ASK) || !reader.skip(CHECKSUM)) {
            return false;
        }
        long checksum = reader.integer(MAX_CHECKSUM_DIGITS);
        if (checksum < 0 || checksum > MAX_CHECKSUM) {
            return false;
        }
        long time = BookListener.NONE;
        // A string that is no time reads as VenueTimes.INVALID, which is BookListener.NONE.
        if (reader.skip(TIMESTAMP)) {
            time = reader.time(times);
            if (time == LayoutReader.NOT_READ) {
                return false;
            }
        }
        if (!reader.skip(END) || !reader.atEnd()) {
            return false;
        }
        batch.endSection(book, snapshot, checksum, BookListener.NONE, time);
        return true;
    }

    /** The book whose symbol and closing quote follow, or null. */
    private VenueBook symbol() {
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i] != null && reader.skip(symbols[i])) {
                return books[i];
            }
        }
        return null;
    }

    /** The levels of one side up to its closing bracket, which is left to read; false on anything else. */
    private boolean levels(Side side) {
        if (reader.at(']')) {
            return true;
        }
        while (true) {
            if (!reader.skip(PRICE)) {
                return false;
            }
            long price = reader.decimal(priceScale);
            if (price <= 0 || !reader.skip(QTY)) {
                return false;
            }
            long qty = reader.decimal(sizeScale);
            if (qty < 0 || !reader.skip('}') || !batch.addLevel(side, price, qty)) {
                return false;
            }
            if (!reader.skip(',')) {
                return true;
            }
        }
    }
}
