package dev.sweep.venue.kraken;

import static dev.sweep.venue.json.Ascii.bytes;

import dev.sweep.core.FixedPoint;
import dev.sweep.core.Side;
import dev.sweep.venue.FrameDecoder;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.JsonCursor.Token;
import java.util.function.BooleanSupplier;

/**
 * Decodes Kraken v2 frames. A frame is read twice: first its envelope (which channel, which method, where the data
 * is), whatever the order of its fields; then its data, staged whole in a {@link dev.sweep.venue.LevelBatch}. Only a frame that
 * decoded completely is applied; then each book is cut to the subscribed depth and its checksum verified.
 */
final class KrakenFeedAdapter extends FrameDecoder {

    private static final byte[] CHANNEL = bytes("channel");
    private static final byte[] TYPE = bytes("type");
    private static final byte[] METHOD = bytes("method");
    private static final byte[] SUCCESS = bytes("success");
    private static final byte[] DATA = bytes("data");
    private static final byte[] RESULT = bytes("result");
    private static final byte[] ERROR = bytes("error");
    private static final byte[] SYMBOL = bytes("symbol");
    private static final byte[] BIDS = bytes("bids");
    private static final byte[] ASKS = bytes("asks");
    private static final byte[] CHECKSUM = bytes("checksum");
    private static final byte[] PRICE = bytes("price");
    private static final byte[] QTY = bytes("qty");
    private static final byte[] PAIRS = bytes("pairs");
    private static final byte[] PRICE_PRECISION = bytes("price_precision");
    private static final byte[] QTY_PRECISION = bytes("qty_precision");
    private static final byte[] BOOK = bytes("book");
    private static final byte[] HEARTBEAT = bytes("heartbeat");
    private static final byte[] STATUS = bytes("status");
    private static final byte[] INSTRUMENT = bytes("instrument");
    private static final byte[] SNAPSHOT = bytes("snapshot");
    private static final byte[] UPDATE = bytes("update");
    private static final byte[] SUBSCRIBE = bytes("subscribe");
    private static final byte[] UNSUBSCRIBE = bytes("unsubscribe");
    private static final byte[] PONG = bytes("pong");

    private static final long MAX_CHECKSUM = 0xFFFF_FFFFL;

    private enum Channel { NONE, BOOK, HEARTBEAT, STATUS, INSTRUMENT, OTHER }

    private enum Method { NONE, SUBSCRIBE, UNSUBSCRIBE, PONG, OTHER }

    private final KrakenChecksum checksum = new KrakenChecksum();
    private final int[] pricePrecisions;
    private final int[] qtyPrecisions;
    /** The checksum each book last verified with; valid while only levels below the top 10 change. */
    private final long[] verifiedChecksums;

    private Channel channel;
    private Method method;
    private boolean snapshot;
    private boolean typeKnown;
    private Token success;
    private Staging data;
    private final Range dataRange = new Range();
    private final Range result = new Range();
    private final Range error = new Range();
    private VenueBook problemBook;
    private Side levelSide;
    private final BooleanSupplier readBookData = this::readBookData;
    private final BooleanSupplier readBookEntry = this::readBookEntry;
    private final BooleanSupplier readLevel = this::readLevel;
    private final BooleanSupplier readPair = this::readPair;

    KrakenFeedAdapter(VenueBooks books) {
        super(books);
        this.pricePrecisions = new int[books.size()];
        this.qtyPrecisions = new int[books.size()];
        this.verifiedChecksums = new long[books.size()];
        for (int i = 0; i < books.size(); i++) {
            String pair = books.get(i).venueSymbol();
            pricePrecisions[i] = KrakenPrecisions.price(pair);
            qtyPrecisions[i] = KrakenPrecisions.qty(pair);
        }
    }

    @Override
    public void onFrame(byte[] buffer, int offset, int length, long receiveNanos) {
        startFrame(buffer);
        problemBook = null;
        if (!readEnvelope(offset, length)) {
            rejectUnreadableFrame();
            return;
        }
        if (method != Method.NONE) {
            onMethodResponse();
            return;
        }
        switch (channel) {
            case BOOK -> onBook(receiveNanos);
            case HEARTBEAT, STATUS -> listener.onHeartbeat();
            case INSTRUMENT -> onInstrument();
            default -> listener.onFrameRejected("unknown message: neither a known channel nor a method response");
        }
    }

    private boolean readEnvelope(int offset, int length) {
        cursor.wrap(buffer, offset, length);
        channel = Channel.NONE;
        method = Method.NONE;
        typeKnown = false;
        snapshot = false;
        success = null;
        data = Staging.ABSENT;
        result.clear();
        error.clear();
        if (cursor.next() != Token.START_OBJECT) {
            return fail("a message must be a JSON object");
        }
        for (Token token = cursor.next(); token != Token.END_OBJECT; token = cursor.next()) {
            if (token != Token.FIELD_NAME) {
                return false;
            }
            if (cursor.tokenEquals(CHANNEL)) {
                if (cursor.next() != Token.STRING) {
                    return fail("channel must be a string");
                }
                channel = channel();
            } else if (cursor.tokenEquals(METHOD)) {
                if (cursor.next() != Token.STRING) {
                    return fail("method must be a string");
                }
                method = method();
            } else if (cursor.tokenEquals(TYPE)) {
                if (cursor.next() != Token.STRING) {
                    return fail("type must be a string");
                }
                snapshot = cursor.tokenEquals(SNAPSHOT);
                typeKnown = snapshot || cursor.tokenEquals(UPDATE);
            } else if (cursor.tokenEquals(SUCCESS)) {
                success = cursor.next();
            } else if (cursor.tokenEquals(DATA)) {
                // Kraken writes channel and type before data: usually decoded in the same pass.
                boolean routed = channel == Channel.BOOK && typeKnown && method == Method.NONE;
                data = stageOrSkip(routed, readBookData, dataRange);
                if (data == null || data == Staging.REJECTED) {
                    return data != null;
                }
            } else if (cursor.tokenEquals(RESULT)) {
                if (!result.skip()) {
                    return false;
                }
            } else if (cursor.tokenEquals(ERROR)) {
                if (!error.skip()) {
                    return false;
                }
            } else if (!cursor.skipValue()) {
                return false;
            }
        }
        return cursor.finish();
    }

    private Channel channel() {
        if (cursor.tokenEquals(BOOK)) {
            return Channel.BOOK;
        } else if (cursor.tokenEquals(HEARTBEAT)) {
            return Channel.HEARTBEAT;
        } else if (cursor.tokenEquals(STATUS)) {
            return Channel.STATUS;
        } else if (cursor.tokenEquals(INSTRUMENT)) {
            return Channel.INSTRUMENT;
        }
        return Channel.OTHER;
    }

    private Method method() {
        if (cursor.tokenEquals(SUBSCRIBE)) {
            return Method.SUBSCRIBE;
        } else if (cursor.tokenEquals(UNSUBSCRIBE)) {
            return Method.UNSUBSCRIBE;
        } else if (cursor.tokenEquals(PONG)) {
            return Method.PONG;
        }
        return Method.OTHER;
    }

    private void onMethodResponse() {
        if (method == Method.PONG) {
            listener.onHeartbeat();
            return;
        }
        if (success == Token.FALSE) {
            listener.onVenueError(error.isRecorded() ? error.text() : "request refused without a reason");
            return;
        }
        if (method == Method.SUBSCRIBE && success == Token.TRUE && result.isRecorded()) {
            VenueBook book = acknowledgedBook();
            if (book != null) {
                listener.onSubscribed(book);
            }
        }
    }

    /** The book named by a successful book subscription's {@code result}, or null. */
    private VenueBook acknowledgedBook() {
        result.open();
        if (cursor.next() != Token.START_OBJECT) {
            return null;
        }
        boolean bookChannel = false;
        VenueBook book = null;
        for (Token token = cursor.next(); token == Token.FIELD_NAME; token = cursor.next()) {
            if (cursor.tokenEquals(CHANNEL)) {
                bookChannel = cursor.next() == Token.STRING && cursor.tokenEquals(BOOK);
            } else if (cursor.tokenEquals(SYMBOL)) {
                book = cursor.next() == Token.STRING ? books.find(cursor) : null;
            } else if (!cursor.skipValue()) {
                return null;
            }
        }
        return bookChannel ? book : null;
    }

    private void onBook(long receiveNanos) {
        boolean staged = switch (data) {
            case STAGED -> true;
            case REJECTED -> false;
            case ABSENT -> fail("book message without data");
            case SKIPPED -> typeKnown ? dataRange.read(readBookData)
                    : fail("book message without type snapshot or update");
        };
        if (!staged) {
            String reason = problem("malformed book data");
            listener.onFrameRejected(reason);
            markUnappliedBooksBroken(reason);
            return;
        }
        applyBatch(receiveNanos);
    }

    /** The books a rejected book frame named have missed an update; when it named none, any book may have. */
    private void markUnappliedBooksBroken(String reason) {
        if (batch.sectionCount() == 0 && problemBook == null) {
            books.brokenAll(reason);
            return;
        }
        for (int section = 0; section < batch.sectionCount(); section++) {
            books.broken(batch.sectionBook(section), reason);
        }
        if (problemBook != null) {
            books.broken(problemBook, reason);
        }
    }

    /** The CRC32 of the top 10 levels must equal the venue's, computed with the pair's precisions. */
    @Override
    protected boolean verify(VenueBook book, long expected) {
        int pricePrecision = pricePrecisions[book.index()];
        int qtyPrecision = qtyPrecisions[book.index()];
        if (pricePrecision == KrakenPrecisions.UNKNOWN || qtyPrecision == KrakenPrecisions.UNKNOWN) {
            books.broken(book, "precisions of " + book.venueSymbol() + " not known yet: cannot verify the checksum");
            return false;
        }
        int index = book.index();
        if (book.shallowestChange() >= KrakenChecksum.LEVELS && verifiedChecksums[index] == expected) {
            return true; // the top 10 levels did not change, so neither did their checksum
        }
        long computed = checksum.compute(book.book(), pricePrecision, qtyPrecision);
        verifiedChecksums[index] = computed;
        if (computed != expected) {
            books.broken(book, computed == KrakenChecksum.PRECISION_MISMATCH
                    ? "a level of " + book.venueSymbol() + " has more decimals than its precision"
                    : "checksum mismatch on " + book.venueSymbol() + ": venue " + expected + ", book " + computed);
            return false;
        }
        return true;
    }

    /** Stages the data value that the cursor is about to read: every entry of a book message. */
    private boolean readBookData() {
        batch.clear();
        return readArray(Token.START_OBJECT, readBookEntry, "book data must be an array");
    }

    private boolean readBookEntry() {
        problemBook = null;
        VenueBook book = null;
        boolean unknownSymbol = false;
        long expectedChecksum = -1;
        for (Token token = cursor.next(); token != Token.END_OBJECT; token = cursor.next()) {
            if (token != Token.FIELD_NAME) {
                return false;
            }
            if (cursor.tokenEquals(SYMBOL)) {
                if (cursor.next() != Token.STRING) {
                    return fail("symbol must be a string");
                }
                book = books.find(cursor);
                unknownSymbol = book == null;
                if (unknownSymbol) {
                    listener.onFrameRejected("book data for unsubscribed symbol " + cursor.tokenString());
                }
                problemBook = book;
            } else if (cursor.tokenEquals(BIDS)) {
                if (!readLevels(Side.BID)) {
                    return false;
                }
            } else if (cursor.tokenEquals(ASKS)) {
                if (!readLevels(Side.ASK)) {
                    return false;
                }
            } else if (cursor.tokenEquals(CHECKSUM)) {
                if (cursor.next() != Token.NUMBER) {
                    return fail("checksum must be a number");
                }
                expectedChecksum = cursor.tokenUnsignedLong();
                if (expectedChecksum < 0 || expectedChecksum > MAX_CHECKSUM) {
                    return fail("checksum is not an unsigned 32-bit integer");
                }
            } else if (!cursor.skipValue()) {
                return false;
            }
        }
        if (unknownSymbol) {
            batch.discardOpenSection();
            return true;
        }
        if (book == null) {
            return fail("book data without symbol");
        }
        if (expectedChecksum < 0) {
            return fail("book data for " + book.venueSymbol() + " without checksum");
        }
        batch.endSection(book, snapshot, expectedChecksum);
        return true;
    }

    private boolean readLevels(Side side) {
        levelSide = side;
        return readArray(Token.START_OBJECT, readLevel, "bids and asks must be arrays");
    }

    private boolean readLevel() {
        Side side = levelSide;
        long price = -1;
        long qty = -1;
        for (Token token = cursor.next(); token != Token.END_OBJECT; token = cursor.next()) {
            if (token != Token.FIELD_NAME) {
                return false;
            }
            if (cursor.tokenEquals(PRICE)) {
                if ((price = amount(books.priceScale(), "price", true)) < 0) {
                    return false;
                }
            } else if (cursor.tokenEquals(QTY)) {
                if ((qty = amount(books.sizeScale(), "qty", true)) < 0) {
                    return false;
                }
            } else if (!cursor.skipValue()) {
                return false;
            }
        }
        if (price < 0 || qty < 0) {
            return fail("a level needs price and qty");
        }
        return stage(side, price, qty);
    }

    private void onInstrument() {
        if (data != Staging.SKIPPED) {
            listener.onFrameRejected("instrument message without data");
            return;
        }
        dataRange.open();
        if (cursor.next() != Token.START_OBJECT) {
            listener.onFrameRejected("instrument data must be an object");
            return;
        }
        for (Token token = cursor.next(); token != Token.END_OBJECT; token = cursor.next()) {
            if (token != Token.FIELD_NAME) {
                listener.onFrameRejected("malformed instrument data: " + problem("bad pairs"));
                return;
            }
            if (cursor.tokenEquals(PAIRS) ? !readPairs() : !cursor.skipValue()) {
                listener.onFrameRejected("malformed instrument data: " + problem("bad pairs"));
                return;
            }
        }
    }

    private boolean readPairs() {
        return readArray(Token.START_OBJECT, readPair, "pairs must be an array");
    }

    private boolean readPair() {
        VenueBook book = null;
        long pricePrecision = -1;
        long qtyPrecision = -1;
        for (Token token = cursor.next(); token != Token.END_OBJECT; token = cursor.next()) {
            if (token != Token.FIELD_NAME) {
                return false;
            }
            if (cursor.tokenEquals(SYMBOL)) {
                book = cursor.next() == Token.STRING ? books.find(cursor) : null;
            } else if (cursor.tokenEquals(PRICE_PRECISION)) {
                pricePrecision = cursor.next() == Token.NUMBER ? cursor.tokenUnsignedLong() : -1;
            } else if (cursor.tokenEquals(QTY_PRECISION)) {
                qtyPrecision = cursor.next() == Token.NUMBER ? cursor.tokenUnsignedLong() : -1;
            } else if (!cursor.skipValue()) {
                return false;
            }
        }
        if (book != null && pricePrecision >= 0 && pricePrecision <= FixedPoint.MAX_SCALE
                && qtyPrecision >= 0 && qtyPrecision <= FixedPoint.MAX_SCALE) {
            pricePrecisions[book.index()] = (int) pricePrecision;
            qtyPrecisions[book.index()] = (int) qtyPrecision;
            book.book().setPricePrecision((int) Math.min(pricePrecision, book.instrument().priceScale()));
        }
        return true;
    }
}
