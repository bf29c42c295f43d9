package dev.sweep.venue.okx;

import dev.sweep.core.BookState;
import dev.sweep.core.Side;
import dev.sweep.venue.ArrayLevels;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.FrameDecoder;
import dev.sweep.venue.SnapshotSplice;
import dev.sweep.venue.StateCause;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.JsonCursor;
import dev.sweep.venue.json.JsonCursor.Token;
import dev.sweep.venue.json.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decodes OKX v5 {@code books} frames, the answers to {@code subscribe}, errors, notices and the text {@code pong}.
 * A snapshot replaces the book; an update must name the book's last {@code seqId} as its {@code prevSeqId}, which
 * also admits the message that changes nothing ({@code seqId == prevSeqId}) and the one after maintenance
 * ({@code seqId < prevSeqId}); anything else breaks the book. A non-zero {@code checksum} must match the book after
 * the message; 0 (what OKX sends since June 2026) is not checked. A book whose first message is an update (OKX
 * announced the channel would stop sending its snapshot) asks for its REST snapshot and is spliced into its updates
 * by {@link OkxSpliceRule}; from then on its updates go through the splice. The listeners get a message's
 * {@code seqId} as the venue's sequence (equal to the last one for a message that changes nothing, lower after
 * maintenance), and its {@code ts} as its time.
 */
final class OkxFeedAdapter extends FrameDecoder {

    private enum Field {
        ARG, ACTION, DATA, EVENT, MSG, CODE, CHANNEL, INST_ID, ASKS, BIDS, CHECKSUM, PREV_SEQ_ID, SEQ_ID, TS, NONE;

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

    /** A REST answer's {@code code}: {@code "0"} for success. */
    private enum Code {
        SUCCESS("0"), OTHER("");

        private final String word;

        Code(String word) {
            this.word = word;
        }
    }

    private static final Vocabulary<Field> FIELDS = Vocabulary.of(Field.class, Field.NONE, Field::word);
    private static final Vocabulary<Action> ACTIONS = Vocabulary.of(Action.class, Action.OTHER);
    private static final Vocabulary<Event> EVENTS = Vocabulary.of(Event.class, Event.OTHER);
    private static final Vocabulary<Channel> CHANNELS = Vocabulary.of(Channel.class, Channel.OTHER);
    private static final Vocabulary<Code> CODES = Vocabulary.of(Code.class, Code.OTHER, code -> code.word);
    private static final byte[] PONG = "pong".getBytes(StandardCharsets.US_ASCII);
    /** What a section the splice restages, or a REST snapshot, carries: no checksum (LevelBatch's "none"). */
    private static final long NO_CHECKSUM = -1;
    /** No id: before a book's snapshot, or a field a message lacks. */
    private static final long NO_ID = JsonCursor.NOT_A_LONG;

    private static final String NOT_DATA = "data must be an array of objects";
    /** {@code [price, size, "0", orders]}: the deprecated field and the order count are not read. */
    private static final ArrayLevels BID_LEVELS = new ArrayLevels("bids must be an array of levels", "size",
            "a level is [price, size, \"0\", orders]", true);
    private static final ArrayLevels ASK_LEVELS = new ArrayLevels("asks must be an array of levels", "size",
            "a level is [price, size, \"0\", orders]", true);

    /** The last {@code seqId} applied to each book, {@link #NO_ID} before its snapshot. */
    private final long[] lastIds;
    /**
     * Whether each book's first message on this connection was an update, not a snapshot: OKX's announced removal of
     * the in-band snapshot. Such a book is spliced into its REST snapshot, and its updates go through the splice.
     */
    private final boolean[] spliced;
    private final SnapshotSplice splice;

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
    /** The data's {@code ts}, nanoseconds since 1970, or {@link BookListener#NONE}. */
    private long time;


    OkxFeedAdapter(VenueBooks books, int maxBuffered) {
        super(books);
        this.lastIds = new long[books.size()];
        Arrays.fill(lastIds, NO_ID);
        this.spliced = new boolean[books.size()];
        this.splice = new SnapshotSplice(books, batch, this::applyBatch, new OkxSpliceRule(), maxBuffered);
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
        if (action == Action.UPDATE && last == NO_ID && book.state() != BookState.BROKEN) {
            spliced[book.index()] = true; // no snapshot came first: the book starts from REST
        }
        if (spliced[book.index()]) {
            if (action == Action.SNAPSHOT) {
                books.broken(book, StateCause.RESTART,
                        "a snapshot on the channel after the book was spliced from REST");
                return;
            }
            batch.endSection(book, false, checksum, id, time);
            splice.onUpdate(previousId, id, receiveNanos);
            return;
        }
        if (action == Action.UPDATE && last != NO_ID && previousId != last) {
            books.broken(book, StateCause.SEQUENCE_GAP, "prevSeqId " + previousId + " after seqId " + last);
            lastIds[book.index()] = NO_ID;
            return;
        }
        if (action == Action.SNAPSHOT || last != NO_ID) {
            lastIds[book.index()] = id;
        }
        batch.endSection(book, action == Action.SNAPSHOT, checksum, id, time);
        applyBatch(receiveNanos);
    }

    /**
     * The book's snapshot from {@code GET /api/v5/market/books}: {@code {"code":"0","msg":"","data":[{"asks":[…],
     * "bids":[…],"ts":"…","seqId":…}]}}, spliced into the updates by its {@code seqId}.
     */
    @Override
    public void onSnapshot(VenueBook book, byte[] body, int offset, int length, long receiveNanos) {
        startText(body);
        batch.clear();
        previousId = NO_ID;
        id = NO_ID;
        time = BookListener.NONE;
        Code code = Code.OTHER;
        if (openFrame(offset, length)) {
            for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
                switch (field) {
                    case CODE -> code = readWord(CODES, "code");
                    case DATA -> readItems();
                    default -> cursor.skipValue();
                }
            }
        }
        if (!endFrame() || code != Code.SUCCESS && !fail("code is not \"0\"")
                || id < 0 && !fail("a snapshot needs seqId")) {
            splice.onSnapshotFailed(book, "malformed snapshot: " + problem("not a JSON object"));
            return;
        }
        batch.endSection(book, true, NO_CHECKSUM, id, time);
        splice.onSnapshot(id, receiveNanos);
    }

    @Override
    public void onSnapshotFailed(VenueBook book, String reason) {
        splice.onSnapshotFailed(book, reason);
    }

    @Override
    protected boolean verify(VenueBook book, long expected) {
        if (expected == 0 || expected == NO_CHECKSUM) {
            return true; // OKX's deprecated field: 0 means no checksum; a REST snapshot carries none
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
        time = BookListener.NONE;
        return readItems()
                && (previousId != NO_ID && id >= 0 || fail("books data needs prevSeqId and seqId"));
    }

    private boolean readItems() {
        if (!openArray(NOT_DATA)) {
            return false;
        }
        while (nextItem(Token.START_OBJECT, NOT_DATA)) {
            if (!readItem()) {
                return false;
            }
        }
        return !failed();
    }

    private boolean readItem() {
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            switch (field) {
                case ASKS -> readArrayLevels(Side.ASK, ASK_LEVELS);
                case BIDS -> readArrayLevels(Side.BID, BID_LEVELS);
                case CHECKSUM -> checksum = readLong("checksum");
                case PREV_SEQ_ID -> previousId = readLong("prevSeqId");
                case SEQ_ID -> id = readLong("seqId");
                case TS -> time = millisTime("ts");
                default -> cursor.skipValue();
            }
        }
        return !failed();
    }

    private long readLong(String field) {
        long value = cursor.next() == Token.NUMBER ? cursor.tokenLong() : NO_ID;
        if (value == NO_ID) {
            fail(field + " must be an integer");
        }
        return value;
    }
}
