package dev.sweep.venue.binance;

import dev.sweep.core.Side;
import dev.sweep.venue.ArrayLevels;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.FrameDecoder;
import dev.sweep.venue.SnapshotSplice;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.JsonCursor.Token;
import dev.sweep.venue.json.Vocabulary;

/**
 * Decodes Binance's diff depth events, raw ({@code /ws}) or in the combined stream's envelope
 * ({@code {"stream":"btcusdt@depth@100ms","data":{…}}}), its acknowledgements and errors, and its REST snapshots; and
 * splices each book's snapshot into its events by {@link BinanceSpliceRule}. The snapshots are asked for when Binance
 * confirms the subscription. A book holds no level beyond its snapshot's last ({@link SnapshotFloors}). The listeners
 * get an event's {@code u} (a snapshot's {@code lastUpdateId}) as the venue's sequence, and its {@code E} as its time.
 */
final class BinanceFeedAdapter extends FrameDecoder {

    /** The fields of events, answers and snapshots, as Binance writes them. */
    private enum Field {
        EVENT("e"), EVENT_TIME("E"), SYMBOL("s"), FIRST_ID("U"), LAST_ID("u"), BIDS_UPDATE("b"), ASKS_UPDATE("a"),
        DATA("data"), RESULT("result"), CODE("code"), MESSAGE("msg"), ERROR("error"), LAST_UPDATE_ID("lastUpdateId"),
        BIDS("bids"), ASKS("asks"), NONE("");

        private final String word;

        Field(String word) {
            this.word = word;
        }
    }

    private enum Event {
        DEPTH_UPDATE("depthUpdate"), SERVER_SHUTDOWN("serverShutdown"), HEARTBEAT(BinanceProxy.HEARTBEAT_EVENT),
        OTHER("");

        private final String word;

        Event(String word) {
            this.word = word;
        }
    }

    private static final Vocabulary<Field> FIELDS = Vocabulary.of(Field.class, Field.NONE, field -> field.word);
    private static final Vocabulary<Event> EVENTS = Vocabulary.of(Event.class, Event.OTHER, event -> event.word);
    private static final long NO_ID = -1;

    private static final ArrayLevels BID_LEVELS = new ArrayLevels("bids must be an array of [price, quantity]",
            "quantity", "a level is [price, quantity]", false);
    private static final ArrayLevels ASK_LEVELS = new ArrayLevels("asks must be an array of [price, quantity]",
            "quantity", "a level is [price, quantity]", false);

    private final SnapshotSplice splice;
    private final SnapshotFloors floors;
    private final LevelsField bids = new LevelsField(() -> readArrayLevels(Side.BID, BID_LEVELS));
    private final LevelsField asks = new LevelsField(() -> readArrayLevels(Side.ASK, ASK_LEVELS));
    private final Range message = new Range();
    private Event event;
    private boolean result;
    private boolean error;
    private long firstId;
    private long lastId;
    /** The event's {@code E}, nanoseconds since 1970, or {@link BookListener#NONE}. */
    private long eventTime;

    BinanceFeedAdapter(VenueBooks books, int maxBuffered) {
        super(books);
        this.floors = new SnapshotFloors(books.size());
        this.splice = new SnapshotSplice(books, batch, this::applyWithinSnapshot, new BinanceSpliceRule(),
                maxBuffered);
    }

    @Override
    protected boolean readEnvelope(int offset, int length) {
        event = Event.OTHER;
        result = false;
        error = false;
        firstId = NO_ID;
        lastId = NO_ID;
        eventTime = BookListener.NONE;
        bids.clear();
        asks.clear();
        message.clear();
        batch.clear();
        return openFrame(offset, length) && readObject() && endFrame() || bids.isRejected() || asks.isRejected();
    }

    /**
     * The fields of an event, an answer or the combined stream's envelope, whose {@code data} is read by the same
     * loop: an event is the same inside the envelope or without it.
     */
    private boolean readObject() {
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            boolean routed = event == Event.DEPTH_UPDATE && namedBook != NO_BOOK;
            switch (field) {
                case EVENT -> event = readWord(EVENTS, "e");
                case EVENT_TIME -> eventTime = millisTime("E");
                case SYMBOL -> readBookName("s");
                case FIRST_ID -> firstId = id("U");
                case LAST_ID -> lastId = id("u");
                case BIDS_UPDATE -> bids.read(routed);
                case ASKS_UPDATE -> asks.read(routed);
                case DATA -> readData();
                case RESULT -> result = cursor.skipValue();
                case CODE -> error = cursor.skipValue();
                case MESSAGE -> message.skip();
                case ERROR -> error = readError();
                default -> cursor.skipValue();
            }
        }
        return !failed();
    }

    private boolean readData() {
        return cursor.next() == Token.START_OBJECT ? readObject() : fail("data must be an object");
    }

    @Override
    protected void onEnvelope(long receiveNanos) {
        if (error) {
            listener.onVenueError(message.textOr("error without a message"));
        } else if (event == Event.DEPTH_UPDATE) {
            onDepthUpdate(receiveNanos);
        } else if (event == Event.HEARTBEAT) {
            listener.onHeartbeat();
        } else if (event == Event.SERVER_SHUTDOWN) {
            // "Please establish a new connection as soon as possible to prevent interruption": the books are still
            // good; a new connection syncs its own and takes over before this one is closed.
            listener.onCloseAnnounced("serverShutdown: the venue is about to close the connection");
        } else if (result) {
            // The subscription is confirmed for every stream of the request: the snapshots can be fetched.
            for (int i = 0; i < books.size(); i++) {
                listener.onSubscribed(books.get(i));
                splice.request(books.get(i));
            }
        } else {
            listener.onFrameRejected("unknown frame");
        }
    }

    private void onDepthUpdate(long receiveNanos) {
        if (unknownBook) {
            listener.onFrameRejected("depthUpdate of an unsubscribed symbol");
            return;
        }
        boolean staged = namedBook == NO_BOOK ? fail("depthUpdate without s")
                : firstId == NO_ID || lastId == NO_ID ? fail("depthUpdate without U and u")
                : firstId > lastId ? fail("depthUpdate with U " + firstId + " after u " + lastId)
                : bids.stage("depthUpdate without b") && asks.stage("depthUpdate without a");
        if (!staged) {
            rejectLevels("malformed depthUpdate");
            return;
        }
        batch.endSection(namedBook, false, -1, lastId, eventTime);
        splice.onUpdate(firstId, lastId, receiveNanos);
    }

    @Override
    public void onSnapshot(VenueBook book, byte[] body, int offset, int length, long receiveNanos) {
        startText(body);
        batch.clear();
        long id = NO_ID;
        if (openFrame(offset, length)) {
            for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
                switch (field) {
                    case LAST_UPDATE_ID -> id = id("lastUpdateId");
                    case BIDS -> readArrayLevels(Side.BID, BID_LEVELS);
                    case ASKS -> readArrayLevels(Side.ASK, ASK_LEVELS);
                    default -> cursor.skipValue();
                }
            }
        }
        if (!endFrame() || id == NO_ID && !fail("a snapshot needs lastUpdateId")) {
            splice.onSnapshotFailed(book, "malformed snapshot: " + problem("not a JSON object"));
            return;
        }
        // The snapshot's id is the last update it holds; Binance puts no time on it.
        batch.endSection(book, true, -1, id, BookListener.NONE);
        splice.onSnapshot(id, receiveNanos);
    }

    @Override
    public void onSnapshotFailed(VenueBook book, String reason) {
        splice.onSnapshotFailed(book, reason);
    }

    /** What the splice applies: a snapshot, which sets where the book ends, or an update cut to it. */
    private void applyWithinSnapshot(long receiveNanos) {
        VenueBook book = batch.sectionBook(0);
        floors.cut(batch);
        applyBatch(receiveNanos);
        floors.mark(book);
    }

    /** Reads the next value, an id: a non-negative integer, or {@link #NO_ID} after recording why not. */
    private long id(String field) {
        long id = cursor.next() == Token.NUMBER ? cursor.tokenUnsignedLong() : NO_ID;
        if (id < 0) {
            fail(field + " must be a non-negative integer");
            return NO_ID;
        }
        return id;
    }

    /** {@code "error":{"code":2,"msg":"…"}}, as some clients see the documented errors wrapped: where the message is. */
    private boolean readError() {
        if (cursor.next() != Token.START_OBJECT) {
            return fail("error must be an object");
        }
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            if (field == Field.MESSAGE) {
                message.skip();
            } else {
                cursor.skipValue();
            }
        }
        return !failed();
    }
}
