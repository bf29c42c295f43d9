package dev.sweep.venue.coinbase;

import dev.sweep.core.Side;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.LevelBatch;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.LayoutReader;
import dev.sweep.venue.json.LayoutReader.Literal;
import dev.sweep.venue.json.MinuteTimes;
import dev.sweep.venue.json.VenueTimes;

/**
 * Stages an {@code l2_data} frame written exactly as Coinbase writes it, in one pass over its bytes
 * ({@link LayoutReader}): the fields in the documented order, no white space, one event per frame, sides written
 * {@code bid} or {@code offer}, prices and quantities as plain decimal strings, each read into its scaled long as it is
 * scanned, every level's {@code event_time} passed over. The general reader tokenizes the frame, looks every field name
 * up and reads every number a second time from its token; on the frames Coinbase actually sends that is most of a
 * frame's cost.
 *
 * <p>It only reads what the general reader would read the same way, to the same levels, sequence number and time: any
 * frame it does not recognise to the last byte, and any value the general reader would reject or read otherwise (a
 * zero price, a number with a sign, an exponent or too many digits, an escaped or unterminated string, an unknown
 * product), makes {@link #stage} return false, and the caller reads the frame the general way, which decides its fate.
 */
final class DocumentedL2Frame {

    /** Most digits of a {@code sequence_num} read here: every such number fits in a long. */
    private static final int MAX_SEQUENCE_DIGITS = 18;

    private static final Literal START = Literal.of("{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":");
    private static final Literal SEQUENCE_NUM = Literal.of(",\"sequence_num\":");
    private static final Literal UPDATE = Literal.of(",\"events\":[{\"type\":\"update\",\"product_id\":\"");
    private static final Literal SNAPSHOT = Literal.of(",\"events\":[{\"type\":\"snapshot\",\"product_id\":\"");
    private static final Literal UPDATES = Literal.of(",\"updates\":[");
    private static final Literal BID = Literal.of("{\"side\":\"bid\",\"event_time\":");
    private static final Literal OFFER = Literal.of("{\"side\":\"offer\",\"event_time\":");
    private static final Literal PRICE_LEVEL = Literal.of(",\"price_level\":\"");
    private static final Literal NEW_QUANTITY = Literal.of("\",\"new_quantity\":\"");
    private static final Literal LEVEL_END = Literal.of("\"}");
    private static final Literal END = Literal.of("]}]}");

    private final LayoutReader reader = new LayoutReader();
    private final MinuteTimes times = new MinuteTimes();
    private final VenueBook[] books;
    /** Each book's product id as the frame writes it between quotes; null for one this reader cannot match. */
    private final byte[][] products;
    private final LevelBatch batch;
    private final int priceScale;
    private final int sizeScale;
    private long sequence;
    private long time;

    DocumentedL2Frame(VenueBooks books, LevelBatch batch) {
        this.books = new VenueBook[books.size()];
        this.products = new byte[books.size()][];
        for (int i = 0; i < books.size(); i++) {
            this.books[i] = books.get(i);
            this.products[i] = LayoutReader.plain(books.get(i).venueSymbol());
        }
        this.batch = batch;
        this.priceScale = books.priceScale();
        this.sizeScale = books.sizeScale();
    }

    /**
     * Stages the frame in the batch, as its only section, if it is an {@code l2_data} snapshot or update in
     * Coinbase's own layout; its {@link #sequence} and {@link #time} are then the frame's.
     *
     * @return false when it is not (the batch may then hold part of it: the general reader starts it afresh)
     */
    boolean stage(byte[] frame, int offset, int length) {
        reader.wrap(frame, offset, length);
        if (!reader.skip(START)) {
            return false;
        }
        long timestamp = reader.time(times);
        if (timestamp == LayoutReader.NOT_READ || !reader.skip(SEQUENCE_NUM)) {
            return false;
        }
        long number = reader.integer(MAX_SEQUENCE_DIGITS);
        boolean snapshot;
        if (number < 0) {
            return false;
        } else if (reader.skip(UPDATE)) {
            snapshot = false;
        } else if (reader.skip(SNAPSHOT)) {
            snapshot = true;
        } else {
            return false;
        }
        int product = reader.skipQuoted(products);
        if (product < 0 || !reader.skip(UPDATES)) {
            return false;
        }
        batch.clear();
        if (!levels() || !reader.skip(END) || !reader.atEnd()) {
            return false;
        }
        batch.endSection(books[product], snapshot, -1);
        sequence = number;
        time = timestamp == VenueTimes.INVALID ? BookListener.NONE : timestamp;
        return true;
    }

    /** The frame's {@code sequence_num}, once {@link #stage} staged it. */
    long sequence() {
        return sequence;
    }

    /** The frame's {@code timestamp} in nanoseconds since 1970, or {@link BookListener#NONE}, once staged. */
    long time() {
        return time;
    }

    /** The levels of the updates array, up to its closing bracket, which is left to read; false on anything else. */
    private boolean levels() {
        if (reader.at(']')) {
            return true;
        }
        do {
            Side side;
            if (reader.skip(BID)) {
                side = Side.BID;
            } else if (reader.skip(OFFER)) {
                side = Side.ASK;
            } else {
                return false;
            }
            if (reader.skipPlainString() < 0 || !reader.skip(PRICE_LEVEL)) {
                return false;
            }
            long price = reader.decimal(priceScale);
            if (price <= 0 || !reader.skip(NEW_QUANTITY)) {
                return false;
            }
            long quantity = reader.decimal(sizeScale);
            if (quantity < 0 || !reader.skip(LEVEL_END) || !batch.addLevel(side, price, quantity)) {
                return false;
            }
        } while (reader.skip(','));
        return true;
    }
}
