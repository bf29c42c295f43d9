package dev.sweep.venue.gemini;

import static dev.sweep.venue.json.Ascii.bytes;

import dev.sweep.core.Side;
import dev.sweep.venue.FrameDecoder;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.JsonCursor.Token;
import java.util.function.BooleanSupplier;

/**
 * Decodes Gemini market data v2 frames. The first {@code l2_updates} of a symbol holds the whole book and is the
 * only one with {@code trades}: it replaces the book, so that a reconnect never leaves levels of the old book
 * behind. v2 has no sequence numbers; integrity rests on the snapshot and the crossed-book check.
 */
final class GeminiV2FeedAdapter extends FrameDecoder {

    private static final byte[] TYPE = bytes("type");
    private static final byte[] SYMBOL = bytes("symbol");
    private static final byte[] CHANGES = bytes("changes");
    private static final byte[] TRADES = bytes("trades");
    private static final byte[] RESULT = bytes("result");
    private static final byte[] REASON = bytes("reason");
    private static final byte[] MESSAGE = bytes("message");
    private static final byte[] L2_UPDATES = bytes("l2_updates");
    private static final byte[] TRADE = bytes("trade");
    private static final byte[] HEARTBEAT = bytes("heartbeat");
    private static final byte[] AUCTION_OPEN = bytes("auction_open");
    private static final byte[] AUCTION_INDICATIVE = bytes("auction_indicative");
    private static final byte[] AUCTION_RESULT = bytes("auction_result");
    private static final byte[] ERROR = bytes("error");
    private static final byte[] BUY = bytes("buy");
    private static final byte[] SELL = bytes("sell");

    private enum Type { NONE, L2_UPDATES, ALIVE, OTHER }

    private Type type;
    private boolean error;
    private boolean hasTrades;
    private VenueBook book;
    private boolean unknownSymbol;
    private Staging changes;
    private final Range changesRange = new Range();
    private final Range reason = new Range();
    private final BooleanSupplier readChanges = this::readChanges;
    private final BooleanSupplier readChange = this::readChange;

    GeminiV2FeedAdapter(VenueBooks books) {
        super(books);
    }

    @Override
    public void onFrame(byte[] buffer, int offset, int length, long receiveNanos) {
        startFrame(buffer);
        if (!readEnvelope(offset, length)) {
            rejectUnreadableFrame();
            return;
        }
        if (error) {
            listener.onVenueError(reason.isRecorded() ? reason.text() : "error without a reason");
            return;
        }
        switch (type) {
            case L2_UPDATES -> onBookData(receiveNanos);
            case ALIVE -> listener.onHeartbeat();
            default -> listener.onFrameRejected("unknown message type");
        }
    }

    private boolean readEnvelope(int offset, int length) {
        cursor.wrap(buffer, offset, length);
        type = Type.NONE;
        error = false;
        hasTrades = false;
        book = null;
        unknownSymbol = false;
        changes = Staging.ABSENT;
        reason.clear();
        if (cursor.next() != Token.START_OBJECT) {
            return fail("a message must be a JSON object");
        }
        for (Token token = cursor.next(); token != Token.END_OBJECT; token = cursor.next()) {
            if (token != Token.FIELD_NAME) {
                return false;
            }
            if (cursor.tokenEquals(TYPE)) {
                if (cursor.next() != Token.STRING) {
                    return fail("type must be a string");
                }
                type = type();
            } else if (cursor.tokenEquals(SYMBOL)) {
                if (cursor.next() != Token.STRING) {
                    return fail("symbol must be a string");
                }
                book = books.find(cursor);
                unknownSymbol = book == null;
            } else if (cursor.tokenEquals(RESULT)) {
                Token result = cursor.next();
                error = result == Token.STRING && cursor.tokenEquals(ERROR);
                if (result == Token.START_OBJECT || result == Token.START_ARRAY) {
                    return fail("result must be a string");
                }
            } else if (cursor.tokenEquals(CHANGES)) {
                changes = stageOrSkip(type == Type.L2_UPDATES && book != null, readChanges, changesRange);
                if (changes == null || changes == Staging.REJECTED) {
                    return changes != null;
                }
            } else if (cursor.tokenEquals(REASON) || (cursor.tokenEquals(MESSAGE) && !reason.isRecorded())) {
                if (!reason.skip()) {
                    return false;
                }
            } else {
                hasTrades |= cursor.tokenEquals(TRADES);
                if (!cursor.skipValue()) {
                    return false;
                }
            }
        }
        return cursor.finish();
    }

    private Type type() {
        if (cursor.tokenEquals(L2_UPDATES)) {
            return Type.L2_UPDATES;
        }
        if (cursor.tokenEquals(TRADE) || cursor.tokenEquals(HEARTBEAT) || cursor.tokenEquals(AUCTION_OPEN)
                || cursor.tokenEquals(AUCTION_INDICATIVE) || cursor.tokenEquals(AUCTION_RESULT)) {
            return Type.ALIVE;
        }
        return Type.OTHER;
    }

    private void onBookData(long receiveNanos) {
        if (unknownSymbol) {
            listener.onFrameRejected("l2_updates for an unsubscribed symbol");
            return;
        }
        boolean staged = switch (changes) {
            case STAGED -> true;
            case REJECTED -> false;
            case ABSENT -> fail("l2_updates without changes");
            case SKIPPED -> book != null ? changesRange.read(readChanges)
                    : fail("l2_updates without symbol");
        };
        if (!staged) {
            String reason = problem("malformed changes");
            listener.onFrameRejected(reason);
            if (book != null) {
                books.broken(book, reason);
            } else {
                books.brokenAll(reason);
            }
            return;
        }
        batch.endSection(book, hasTrades, -1);
        applyBatch(receiveNanos);
    }

    /** Stages the changes array the cursor is about to read. */
    private boolean readChanges() {
        batch.clear();
        return readArray(Token.START_ARRAY, readChange, "changes must be an array");
    }

    /** One {@code [side, price, quantity]}. */
    private boolean readChange() {
        if (cursor.next() != Token.STRING) {
            return fail("a change must be [side, price, quantity]");
        }
        Side side = cursor.tokenEquals(BUY) ? Side.BID : cursor.tokenEquals(SELL) ? Side.ASK : null;
        if (side == null) {
            return fail("side must be buy or sell, not " + cursor.tokenString());
        }
        long price = amount(books.priceScale(), "price", false);
        if (price < 0) {
            return false;
        }
        long quantity = amount(books.sizeScale(), "quantity", false);
        if (quantity < 0) {
            return false;
        }
        if (cursor.next() != Token.END_ARRAY) {
            return fail("a change must be [side, price, quantity]");
        }
        return stage(side, price, quantity);
    }


}
