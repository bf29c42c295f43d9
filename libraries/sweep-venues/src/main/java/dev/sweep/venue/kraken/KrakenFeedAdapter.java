package dev.sweep.venue.kraken;

import dev.sweep.core.FixedPoint;
import dev.sweep.core.Side;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.FrameDecoder;
import dev.sweep.venue.Reading;
import dev.sweep.venue.StateCause;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.JsonCursor.Token;
import dev.sweep.venue.json.Vocabulary;
import java.util.EnumSet;

/**
 * Decodes Kraken v2 frames. A frame's envelope (which channel, which method, where the data is) is read whatever the
 * order of its fields, and its data staged whole in a {@link dev.sweep.venue.LevelBatch}, in the same pass when the
 * channel and type came first. Only a frame that decoded completely is applied; then each book is cut to the
 * subscribed depth and its checksum verified. Kraken numbers no message; the listeners get a book message's
 * {@code timestamp} as its time.
 *
 * <p>A book frame in Kraken's own layout, nearly every frame of a feed, is first offered to a reader of that layout
 * alone ({@link DocumentedBookFrame}), which stages it in one pass; any other frame is read the general way.
 */
final class KrakenFeedAdapter extends FrameDecoder {

    private enum Field {
        CHANNEL, TYPE, METHOD, SUCCESS, DATA, RESULT, ERROR, SYMBOL, BIDS, ASKS, CHECKSUM, TIMESTAMP, PRICE, QTY, PAIRS,
        PRICE_PRECISION, QTY_PRECISION, NONE
    }

    private enum Channel { BOOK, HEARTBEAT, STATUS, INSTRUMENT, OTHER }

    private enum Method { NONE, SUBSCRIBE, UNSUBSCRIBE, PONG, OTHER }

    private enum BookType { SNAPSHOT, UPDATE, OTHER }

    private static final Vocabulary<Field> FIELDS = Vocabulary.of(Field.class, Field.NONE);
    private static final Vocabulary<Channel> CHANNELS = Vocabulary.of(Channel.class, Channel.OTHER);
    private static final Vocabulary<Method> METHODS = Vocabulary.of(
            EnumSet.of(Method.SUBSCRIBE, Method.UNSUBSCRIBE, Method.PONG), Method.OTHER);
    private static final Vocabulary<BookType> BOOK_TYPES = Vocabulary.of(BookType.class, BookType.OTHER);

    private static final long MAX_CHECKSUM = 0xFFFF_FFFFL;

    private static final String NOT_BOOK_DATA = "book data must be an array of objects";
    private static final String NOT_LEVELS = "bids and asks must be arrays of objects";
    private static final String NOT_PAIRS = "pairs must be an array of objects";

    private final PairPrecisions precisions;
    private final VerifiedChecksums checksums;
    private final Reading reading;
    private final DocumentedBookFrame documented;
    /** Whether the frame was staged whole by {@link #documented}. */
    private boolean stagedDocumented;

    // The envelope.
    private Channel channel;
    private Method method;
    private BookType bookType;
    private Token success;
    private final LevelsField data = new LevelsField(this::readBookData);
    private final Range result = new Range();
    private final Range error = new Range();


    KrakenFeedAdapter(VenueBooks books) {
        this(books, Reading.DOCUMENTED_LAYOUT_FIRST);
    }

    KrakenFeedAdapter(VenueBooks books, Reading reading) {
        super(books);
        this.precisions = new PairPrecisions(books);
        this.checksums = new VerifiedChecksums(books.size());
        this.reading = reading;
        this.documented = new DocumentedBookFrame(books, batch);
    }

    @Override
    protected void onEnvelope(long receiveNanos) {
        if (stagedDocumented) {
            applyBatch(receiveNanos);
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

    @Override
    protected boolean readEnvelope(int offset, int length) {
        stagedDocumented = reading == Reading.DOCUMENTED_LAYOUT_FIRST && documented.stage(buffer, offset, length);
        if (stagedDocumented) {
            return true;
        }
        channel = Channel.OTHER;
        method = Method.NONE;
        bookType = BookType.OTHER;
        success = Token.NULL;
        data.clear();
        result.clear();
        error.clear();
        // The batch may hold the frame before's levels, or what the documented-layout reader staged before it stepped
        // aside: a book message whose data stages nothing must not be charged to those books.
        batch.clear();
        if (!openFrame(offset, length)) {
            return false;
        }
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            switch (field) {
                case CHANNEL -> channel = readWord(CHANNELS, "channel");
                case METHOD -> method = readWord(METHODS, "method");
                case TYPE -> bookType = readWord(BOOK_TYPES, "type");
                case SUCCESS -> success = cursor.next();
                // Kraken writes channel and type before data: usually decoded in the same pass.
                case DATA -> data.read(channel == Channel.BOOK && bookType != BookType.OTHER && method == Method.NONE);
                case RESULT -> result.skip();
                case ERROR -> error.skip();
                default -> cursor.skipValue();
            }
        }
        return endFrame() || data.isRejected();
    }

    private void onMethodResponse() {
        if (method == Method.PONG) {
            listener.onHeartbeat();
            return;
        }
        if (success == Token.FALSE) {
            listener.onVenueError(error.textOr("request refused without a reason"));
            return;
        }
        if (method == Method.SUBSCRIBE && success == Token.TRUE && result.isRecorded()) {
            VenueBook book = acknowledgedBook();
            if (book != NO_BOOK) {
                listener.onSubscribed(book);
            }
        }
    }

    /** The book named by a successful book subscription's {@code result}, or {@link #NO_BOOK}. */
    private VenueBook acknowledgedBook() {
        result.open();
        boolean bookChannel = false;
        namedBook = NO_BOOK;
        if (cursor.next() != Token.START_OBJECT) {
            return NO_BOOK;
        }
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            switch (field) {
                case CHANNEL -> bookChannel = cursor.next() == Token.STRING && CHANNELS.lookup(cursor) == Channel.BOOK;
                case SYMBOL -> namedBook = cursor.next() == Token.STRING ? books.find(cursor) : NO_BOOK;
                default -> cursor.skipValue();
            }
        }
        return bookChannel && !failed() ? namedBook : NO_BOOK;
    }

    private void onBook(long receiveNanos) {
        boolean staged = data.isSkipped() && bookType == BookType.OTHER
                ? fail("book message without type snapshot or update")
                : data.stage("book message without data");
        if (!staged) {
            rejectLevels("malformed book data");
            return;
        }
        applyBatch(receiveNanos);
    }

    /** The CRC32 of the top 10 levels must equal the venue's, computed with the pair's precisions. */
    @Override
    protected boolean verify(VenueBook book, long expected) {
        if (!precisions.isKnown(book)) {
            books.broken(book, StateCause.UNVERIFIABLE, "precisions of " + book.venueSymbol() + " not known yet: cannot verify the checksum");
            return false;
        }
        long computed = checksums.checksum(book, expected, precisions.price(book), precisions.quantity(book));
        if (computed != expected) {
            boolean unverifiable = computed == KrakenChecksum.PRECISION_MISMATCH;
            books.broken(book, unverifiable ? StateCause.UNVERIFIABLE : StateCause.CHECKSUM_MISMATCH, unverifiable
                    ? "a level of " + book.venueSymbol() + " has more decimals than its precision"
                    : "checksum mismatch on " + book.venueSymbol() + ": venue " + expected + ", book " + computed);
            return false;
        }
        return true;
    }

    /** Stages the data value that the cursor is about to read: every entry of a book message. */
    private boolean readBookData() {
        batch.clear();
        if (!openArray(NOT_BOOK_DATA)) {
            return false;
        }
        while (nextItem(Token.START_OBJECT, NOT_BOOK_DATA)) {
            if (!readBookEntry()) {
                return false;
            }
        }
        return !failed();
    }

    private boolean readBookEntry() {
        namedBook = NO_BOOK;
        unknownBook = false;
        long expectedChecksum = -1;
        long time = BookListener.NONE;
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            switch (field) {
                case SYMBOL -> {
                    if (readBookName("symbol") && unknownBook) {
                        listener.onFrameRejected("book data for unsubscribed symbol " + cursor.tokenString());
                    }
                }
                case BIDS -> readLevels(Side.BID);
                case ASKS -> readLevels(Side.ASK);
                case CHECKSUM -> expectedChecksum = checksum();
                case TIMESTAMP -> time = isoTime("timestamp");
                default -> cursor.skipValue();
            }
        }
        if (failed()) {
            return false;
        }
        if (unknownBook) {
            batch.discardOpenSection();
            return true;
        }
        if (namedBook == NO_BOOK) {
            return fail("book data without symbol");
        }
        if (expectedChecksum < 0) {
            return fail("book data for " + namedBook.venueSymbol() + " without checksum");
        }
        batch.endSection(namedBook, bookType == BookType.SNAPSHOT, expectedChecksum, BookListener.NONE, time);
        return true;
    }

    /** The checksum that follows, an unsigned 32-bit number; -1 after recording why it is not one. */
    private long checksum() {
        if (cursor.next() != Token.NUMBER) {
            fail("checksum must be a number");
            return -1;
        }
        long checksum = cursor.tokenUnsignedLong();
        if (checksum < 0 || checksum > MAX_CHECKSUM) {
            fail("checksum is not an unsigned 32-bit integer");
            return -1;
        }
        return checksum;
    }

    private boolean readLevels(Side side) {
        if (!openArray(NOT_LEVELS)) {
            return false;
        }
        while (nextItem(Token.START_OBJECT, NOT_LEVELS)) {
            if (!readLevel(side)) {
                return false;
            }
        }
        return !failed();
    }

    private boolean readLevel(Side side) {
        long price = -1;
        long qty = -1;
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            switch (field) {
                case PRICE -> price = amount(books.priceScale(), "price", true);
                case QTY -> qty = amount(books.sizeScale(), "qty", true);
                default -> cursor.skipValue();
            }
        }
        if (failed()) {
            return false;
        }
        if (price < 0 || qty < 0) {
            return fail("a level needs price and qty");
        }
        return stage(side, price, qty);
    }

    private void onInstrument() {
        if (!data.isSkipped()) {
            listener.onFrameRejected("instrument message without data");
            return;
        }
        data.open();
        if (cursor.next() != Token.START_OBJECT) {
            listener.onFrameRejected("instrument data must be an object");
            return;
        }
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            if (field == Field.PAIRS) {
                readPairs();
            } else {
                cursor.skipValue();
            }
        }
        if (failed()) {
            listener.onFrameRejected("malformed instrument data: " + problem("bad pairs"));
        }
    }

    private boolean readPairs() {
        if (!openArray(NOT_PAIRS)) {
            return false;
        }
        while (nextItem(Token.START_OBJECT, NOT_PAIRS)) {
            if (!readPair()) {
                return false;
            }
        }
        return !failed();
    }

    private boolean readPair() {
        namedBook = NO_BOOK;
        long pricePrecision = -1;
        long qtyPrecision = -1;
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            switch (field) {
                case SYMBOL -> namedBook = cursor.next() == Token.STRING ? books.find(cursor) : NO_BOOK;
                case PRICE_PRECISION -> pricePrecision = cursor.next() == Token.NUMBER ? cursor.tokenUnsignedLong() : -1;
                case QTY_PRECISION -> qtyPrecision = cursor.next() == Token.NUMBER ? cursor.tokenUnsignedLong() : -1;
                default -> cursor.skipValue();
            }
        }
        if (failed()) {
            return false;
        }
        if (namedBook != NO_BOOK && isPrecision(pricePrecision) && isPrecision(qtyPrecision)) {
            precisions.update(namedBook, (int) pricePrecision, (int) qtyPrecision);
        }
        return true;
    }

    private static boolean isPrecision(long precision) {
        return precision >= 0 && precision <= FixedPoint.MAX_SCALE;
    }
}
