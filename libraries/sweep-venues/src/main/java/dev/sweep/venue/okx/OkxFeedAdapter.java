package dev.sweep.venue.okx;

import dev.sweep.core.Side;
import dev.sweep.venue.FrameDecoder;
import dev.sweep.venue.StateCause;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.JsonCursor;
import dev.sweep.venue.json.JsonCursor.Token;
import dev.sweep.venue.json.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Decodes OKX v5 {@code books} frames, the answers to {@code subscribe}, errors, notices and the text {@code pong}.
 * A snapshot replaces the book; an update must name the book's last {@code seqId} as its {@code prevSeqId}, which
 * also admits the message that changes nothing ({@code seqId == prevSeqId}) and the one after maintenance
 * ({@code seqId < prevSeqId}); anything else breaks the book. A non-zero {@code checksum} must match the book after
 * the message; 0 (what OKX sends since June 2026) is not checked.
 */
final class OkxFeedAdapter extends FrameDecoder {

    private enum Field {
        ARG, ACTION, DATA, EVENT, MSG, CHANNEL, INST_ID, ASKS, BIDS, CHECKSUM, PREV_SEQ_ID, SEQ_ID, NONE;

        /** The field's name as OKX writes it: camel case. */
        String word() {
            return switch (this) {
                case INST_ID -> "instId";
                case PREV_SEQ_ID -> "prevSeqId";
                case SEQ_ID -> "seqId";
                default -> name().toLowerCase(Locale.ROOT);
            };
        }
    }

    private enum Action { SNAPSHOT, UPDATE, OTHER }

    private enum Event { SUBSCRIBE, ERROR, NOTICE, OTHER }

    private enum Channel { BOOKS, OTHER }

    private static final Vocabulary<Field> FIELDS = Vocabulary.of(Field.class, Field.NONE, Field::word);
    private static final Vocabulary<Action> ACTIONS = Vocabulary.of(Action.class, Action.OTHER);
    private static final Vocabulary<Event> EVENTS = Vocabulary.of(Event.class, Event.OTHER);
    private static final Vocabulary<Channel> CHANNELS = Vocabulary.of(Channel.class, Channel.OTHER);
    private static final byte[] PONG = "pong".getBytes(StandardCharsets.US_ASCII);
    /** No id: before a book's snapshot, or a field a message lacks. */
    private static final long NO_ID = JsonCursor.NOT_A_LONG;

    /** The last {@code seqId} applied to each book, {@link #NO_ID} before its snapshot. */
    private final long[] lastIds;

    // The envelope.
    private boolean pong;
    private boolean arg;
    private Channel channel;
    private Action action;
    private Event event;
    private final LevelsField data = new LevelsField(this::readData);
    private final Range message = new Range();
    // The data just staged.
    private long previousId;
    private long id;
    private long checksum;

    private final BooleanSupplier readItem = this::readItem;
    private final BooleanSupplier readBid = () -> readLevel(Side.BID);
    private final BooleanSupplier readAsk = () -> readLevel(Side.ASK);

    OkxFeedAdapter(VenueBooks books) {
        super(books);
        this.lastIds = new long[books.size()];
        Arrays.fill(lastIds, NO_ID);
    }

    @Override
    protected boolean readEnvelope(int offset, int length) {
        arg = false;
        channel = Channel.OTHER;
        action = Action.OTHER;
        event = Event.OTHER;
        data.clear();
        message.clear();
        pong = Arrays.equals(buffer, offset, offset + length, PONG, 0, PONG.length);
        if (pong) {
            return true; // not JSON: OKX answers the text ping with the text pong
        }
        if (!openFrame(offset, length)) {
            return false;
        }
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            switch (field) {
                case ARG -> arg = readArg();
                case ACTION -> action = readWord(ACTIONS, "action");
                case EVENT -> event = readWord(EVENTS, "event");
                case DATA -> data.read(arg && action != Action.OTHER);
                case MSG -> message.skip();
                default -> cursor.skipValue();
            }
        }
        return endFrame() || data.isRejected();
    }

    /** {@code {"channel":"books","instId":"BTC-USDT"}}: the book it names, or none. */
    private boolean readArg() {
        if (cursor.next() != Token.START_OBJECT) {
            return fail("arg must be an object");
        }
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            switch (field) {
                case CHANNEL -> channel = readWord(CHANNELS, "channel");
                case INST_ID -> readBookName("instId");
                default -> cursor.skipValue();
            }
        }
        return !failed() && (namedBook != NO_BOOK || unknownBook || fail("arg without instId"));
    }

    @Override
    protected void onEnvelope(long receiveNanos) {
        if (pong || event == Event.NOTICE) {
            listener.onHeartbeat(); // a notice warns of a disconnection to come; the feed reconnects then
        } else if (event == Event.ERROR) {
            listener.onVenueError(message.textOr("error without msg"));
        } else if (event == Event.SUBSCRIBE) {
            if (namedBook != NO_BOOK) {
                listener.onSubscribed(namedBook);
            }
        } else if (arg && channel == Channel.BOOKS && action != Action.OTHER) {
            onBook(receiveNanos);
        } else {
            listener.onFrameRejected("neither a books message nor an answer");
        }
    }

    private void onBook(long receiveNanos) {
        if (unknownBook) {
            listener.onFrameRejected("books of an unsubscribed instId");
            return;
        }
        if (!data.stage("a books message without data")) {
            rejectLevels("malformed books data");
            return;
        }
        VenueBook book = namedBook;
        long last = lastIds[book.index()];
        if (action == Action.UPDATE && last != NO_ID && previousId != last) {
            books.broken(book, StateCause.SEQUENCE_GAP, "prevSeqId " + previousId + " after seqId " + last);
            lastIds[book.index()] = NO_ID;
            return;
        }
        if (action == Action.SNAPSHOT || last != NO_ID) {
            lastIds[book.index()] = id;
        }
        batch.endSection(book, action == Action.SNAPSHOT, checksum);
        applyBatch(receiveNanos);
    }

    @Override
    protected boolean verify(VenueBook book, long expected) {
        if (expected == 0) {
            return true; // OKX's deprecated field: 0 means no checksum
        }
        int actual = OkxChecksum.of(book.book());
        if (actual != expected) {
            books.broken(book, StateCause.CHECKSUM_MISMATCH, "checksum " + expected + ", the book's is " + actual);
            return false;
        }
        return true;
    }

    /** Stages {@code data}: an array of one object with the levels and ids. */
    private boolean readData() {
        batch.clear();
        previousId = NO_ID;
        id = NO_ID;
        checksum = 0;
        return readArray(Token.START_OBJECT, readItem, "data must be an array of objects");
    }

    private boolean readItem() {
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            switch (field) {
                case ASKS -> readArray(Token.START_ARRAY, readAsk, "asks must be an array of levels");
                case BIDS -> readArray(Token.START_ARRAY, readBid, "bids must be an array of levels");
                case CHECKSUM -> checksum = readLong("checksum");
                case PREV_SEQ_ID -> previousId = readLong("prevSeqId");
                case SEQ_ID -> id = readLong("seqId");
                default -> cursor.skipValue();
            }
        }
        if (failed()) {
            return false;
        }
        return (previousId != NO_ID && id >= 0) || fail("books data needs prevSeqId and seqId");
    }

    private long readLong(String field) {
        long value = cursor.next() == Token.NUMBER ? cursor.tokenLong() : NO_ID;
        if (value == NO_ID) {
            fail(field + " must be an integer");
        }
        return value;
    }

    /** One {@code [price, size, "0", orders]}: the deprecated and the order count are not read. */
    private boolean readLevel(Side side) {
        long price = amount(books.priceScale(), "price", false);
        long size = price < 0 ? -1 : amount(books.sizeScale(), "size", false);
        if (size < 0) {
            return false;
        }
        for (Token token = cursor.next(); token != Token.END_ARRAY; token = cursor.next()) {
            if (token != Token.STRING && token != Token.NUMBER) {
                return fail("a level is [price, size, \"0\", orders]");
            }
        }
        return stage(side, price, size);
    }
}
