package dev.sweep.venue.bybit;

import dev.sweep.core.Side;
import dev.sweep.venue.ArrayLevels;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.FrameDecoder;
import dev.sweep.venue.StateCause;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.JsonCursor.Token;
import dev.sweep.venue.json.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes Bybit spot v5 frames: {@code orderbook} snapshots and deltas, the answers to {@code subscribe} and
 * {@code ping}. A snapshot replaces the book whatever its {@code u} (Bybit sends one again after a problem on its
 * side, with {@code u} = 1 after a restart); a delta must carry the book's last {@code u} + 1, or the book is broken
 * (a delta with {@code u} = 1 too: the service restarted without the snapshot). Spot frames put {@code ts} before
 * {@code type}, so nothing here expects the fields in any order. The listeners get a message's {@code u} as the
 * venue's sequence, and its {@code ts} (when the system produced the data) as its time.
 */
final class BybitFeedAdapter extends FrameDecoder {

    private enum Field { TOPIC, TYPE, TS, DATA, S, B, A, U, SUCCESS, RET_MSG, OP, NONE }

    private enum Type { SNAPSHOT, DELTA, OTHER }

    /**
     * The {@code op} of an answer: spot pongs say {@code ping}. The pongs of Bybit's option and spread connections say
     * {@code pong}, a word the vocabulary cannot tell from {@code ping} by its hash, so it is compared on its own.
     */
    private enum Op { SUBSCRIBE, PING, OTHER }

    private static final Vocabulary<Field> FIELDS = Vocabulary.of(Field.class, Field.NONE);
    private static final Vocabulary<Type> TYPES = Vocabulary.of(Type.class, Type.OTHER);
    private static final Vocabulary<Op> OPS = Vocabulary.of(Op.class, Op.OTHER);
    private static final long NO_ID = -1;
    private static final byte[] PONG = "pong".getBytes(StandardCharsets.US_ASCII);

    private static final ArrayLevels BID_LEVELS = new ArrayLevels("b must be an array of [price, size]", "size",
            "a level is [price, size]", false);
    private static final ArrayLevels ASK_LEVELS = new ArrayLevels("a must be an array of [price, size]", "size",
            "a level is [price, size]", false);

    /** The last {@code u} applied to each book, {@link #NO_ID} before its snapshot. */
    private final long[] lastIds;
    private final boolean[] confirmed;

    // The envelope.
    private boolean topic;
    private Type type;
    private Op op;
    private boolean failure;
    private final LevelsField data = new LevelsField(this::readData);
    private final Range message = new Range();
    /** The {@code u} of the data just staged. */
    private long id;
    /** The message's {@code ts}, nanoseconds since 1970, or {@link BookListener#NONE}. */
    private long time;


    BybitFeedAdapter(VenueBooks books) {
        super(books);
        this.lastIds = new long[books.size()];
        this.confirmed = new boolean[books.size()];
        Arrays.fill(lastIds, NO_ID);
    }

    @Override
    protected boolean readEnvelope(int offset, int length) {
        topic = false;
        type = Type.OTHER;
        op = Op.OTHER;
        failure = false;
        time = BookListener.NONE;
        data.clear();
        message.clear();
        if (!openFrame(offset, length)) {
            return false;
        }
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            switch (field) {
                case TOPIC -> topic = readString("topic");
                case TYPE -> type = readWord(TYPES, "type");
                case TS -> time = millisTime("ts");
                case DATA -> data.read(type != Type.OTHER);
                case OP -> op = readOp();
                case SUCCESS -> failure = cursor.next() == Token.FALSE;
                case RET_MSG -> message.skip();
                default -> cursor.skipValue();
            }
        }
        return endFrame() || data.isRejected();
    }

    @Override
    protected void onEnvelope(long receiveNanos) {
        if (failure) {
            listener.onVenueError(message.textOr("refused without ret_msg"));
        } else if (op == Op.PING) {
            listener.onHeartbeat();
        } else if (op == Op.SUBSCRIBE) {
            onSubscribed();
        } else if (topic && type != Type.OTHER) {
            onBook(receiveNanos);
        } else {
            listener.onFrameRejected("neither an orderbook message nor an answer");
        }
    }

    private Op readOp() {
        Op word = readWord(OPS, "op");
        return word == Op.OTHER && cursor.tokenEquals(PONG) ? Op.PING : word;
    }

    /** Bybit's ack names no topic: it confirms the request, which asked for every book of the connection. */
    private void onSubscribed() {
        for (int i = 0; i < books.size(); i++) {
            if (!confirmed[i]) {
                confirmed[i] = true;
                listener.onSubscribed(books.get(i));
            }
        }
    }

    private void onBook(long receiveNanos) {
        if (!data.stage("an orderbook message without data")) {
            rejectLevels("malformed orderbook data");
            return;
        }
        if (unknownBook) {
            listener.onFrameRejected("orderbook of an unsubscribed symbol");
            return;
        }
        VenueBook book = namedBook;
        if (type == Type.DELTA && lastIds[book.index()] != NO_ID && id != lastIds[book.index()] + 1) {
            books.broken(book, id == 1 ? StateCause.RESTART : StateCause.SEQUENCE_GAP, id == 1 ? "u = 1 in a delta: Bybit restarted"
                    : "u gap: expected " + (lastIds[book.index()] + 1) + ", got " + id);
            lastIds[book.index()] = NO_ID;
            return;
        }
        if (type == Type.SNAPSHOT || lastIds[book.index()] != NO_ID) {
            lastIds[book.index()] = id;
        }
        batch.endSection(book, type == Type.SNAPSHOT, -1, id, time);
        applyBatch(receiveNanos);
    }

    /** Stages {@code data}: {@code s}, the bids {@code b} and asks {@code a}, and {@code u}, in any order. */
    private boolean readData() {
        batch.clear();
        id = NO_ID;
        if (cursor.next() != Token.START_OBJECT) {
            return fail("data must be an object");
        }
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            switch (field) {
                case S -> readBookName("s");
                case B -> readArrayLevels(Side.BID, BID_LEVELS);
                case A -> readArrayLevels(Side.ASK, ASK_LEVELS);
                case U -> {
                    if (cursor.next() != Token.NUMBER || (id = cursor.tokenUnsignedLong()) < 1) {
                        fail("u must be a positive integer");
                    }
                }
                default -> cursor.skipValue();
            }
        }
        if (failed()) {
            return false;
        }
        if (namedBook == NO_BOOK && !unknownBook) {
            return fail("orderbook data without s");
        }
        return id != NO_ID || fail("orderbook data without u");
    }
}
