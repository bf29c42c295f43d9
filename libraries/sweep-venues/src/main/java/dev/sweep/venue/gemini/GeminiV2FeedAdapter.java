package dev.sweep.venue.gemini;

import dev.sweep.core.Side;
import dev.sweep.venue.FrameDecoder;
import dev.sweep.venue.Reading;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.JsonCursor.Token;
import dev.sweep.venue.json.Vocabulary;

/**
 * Decodes Gemini market data v2 frames. The first {@code l2_updates} of a symbol holds the whole book and is the
 * only one with {@code trades}: it replaces the book, so that a reconnect never leaves levels of the old book
 * behind. v2 has no sequence numbers; integrity rests on the snapshot and the crossed-book check. Its book messages
 * carry no time either: the listeners get neither.
 *
 * <p>An update in Gemini's own layout, nearly every frame of a feed, is first offered to a reader of that layout alone
 * ({@link DocumentedUpdateFrame}), which stages it in one pass; any other frame is read the general way.
 */
final class GeminiV2FeedAdapter extends FrameDecoder {

    private enum Field { TYPE, SYMBOL, CHANGES, TRADES, RESULT, REASON, MESSAGE, NONE }

    /** The message types: all but {@code l2_updates} show the feed is alive and leave the book alone. */
    private enum Type { L2_UPDATES, TRADE, HEARTBEAT, AUCTION_OPEN, AUCTION_INDICATIVE, AUCTION_RESULT, OTHER }

    private enum Result { ERROR, OTHER }

    private enum SideWord { BUY, SELL, OTHER }

    private static final Vocabulary<Field> FIELDS = Vocabulary.of(Field.class, Field.NONE);
    private static final Vocabulary<Type> TYPES = Vocabulary.of(Type.class, Type.OTHER);
    private static final Vocabulary<Result> RESULTS = Vocabulary.of(Result.class, Result.OTHER);

    private static final String NOT_CHANGES = "changes must be an array of arrays";
    private static final Vocabulary<SideWord> SIDES = Vocabulary.of(SideWord.class, SideWord.OTHER);

    private final DocumentedUpdateFrame documented;
    private final Reading reading;

    private Type type;
    private boolean error;
    private boolean hasTrades;
    private final LevelsField changes = new LevelsField(this::readChanges);
    private final Range reason = new Range();


    GeminiV2FeedAdapter(VenueBooks books) {
        this(books, Reading.DOCUMENTED_LAYOUT_FIRST);
    }

    GeminiV2FeedAdapter(VenueBooks books, Reading reading) {
        super(books);
        this.reading = reading;
        this.documented = new DocumentedUpdateFrame(books, batch);
    }

    @Override
    protected void onEnvelope(long receiveNanos) {
        if (error) {
            listener.onVenueError(reason.textOr("error without a reason"));
            return;
        }
        switch (type) {
            case L2_UPDATES -> onBookData(receiveNanos);
            case OTHER -> listener.onFrameRejected("unknown message type");
            default -> listener.onHeartbeat();
        }
    }

    @Override
    protected boolean readEnvelope(int offset, int length) {
        type = Type.OTHER;
        error = false;
        hasTrades = false;
        changes.clear();
        reason.clear();
        VenueBook updated = reading == Reading.DOCUMENTED_LAYOUT_FIRST ? documented.stage(buffer, offset, length)
                : NO_BOOK;
        if (updated != NO_BOOK) {
            type = Type.L2_UPDATES;
            namedBook = updated;
            changes.staged();
            return true;
        }
        if (!openFrame(offset, length)) {
            return false;
        }
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            switch (field) {
                case TYPE -> type = readWord(TYPES, "type");
                case SYMBOL -> readBookName("symbol");
                case RESULT -> {
                    Token result = cursor.next();
                    error = result == Token.STRING && RESULTS.lookup(cursor) == Result.ERROR;
                    if (result == Token.START_OBJECT || result == Token.START_ARRAY) {
                        fail("result must be a string");
                    }
                }
                case CHANGES -> changes.read(type == Type.L2_UPDATES && namedBook != NO_BOOK);
                case REASON -> reason.skip();
                // The reason is the better text; the message stands in when there is none.
                case MESSAGE -> {
                    if (reason.isRecorded()) {
                        cursor.skipValue();
                    } else {
                        reason.skip();
                    }
                }
                case TRADES -> {
                    hasTrades = true;
                    cursor.skipValue();
                }
                default -> cursor.skipValue();
            }
        }
        return endFrame() || changes.isRejected();
    }

    private void onBookData(long receiveNanos) {
        if (unknownBook) {
            listener.onFrameRejected("l2_updates for an unsubscribed symbol");
            return;
        }
        boolean staged = changes.isSkipped() && namedBook == NO_BOOK ? fail("l2_updates without symbol")
                : changes.stage("l2_updates without changes");
        if (!staged) {
            rejectLevels("malformed changes");
            return;
        }
        batch.endSection(namedBook, hasTrades, -1);
        applyBatch(receiveNanos);
    }

    /** Stages the changes array the cursor is about to read. */
    private boolean readChanges() {
        batch.clear();
        if (!openArray(NOT_CHANGES)) {
            return false;
        }
        while (nextItem(Token.START_ARRAY, NOT_CHANGES)) {
            if (!readChange()) {
                return false;
            }
        }
        return !failed();
    }

    /** One {@code [side, price, quantity]}. */
    private boolean readChange() {
        if (cursor.next() != Token.STRING) {
            return fail("a change must be [side, price, quantity]");
        }
        SideWord side = SIDES.lookup(cursor);
        if (side == SideWord.OTHER) {
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
        return stage(side == SideWord.BUY ? Side.BID : Side.ASK, price, quantity);
    }
}
