package dev.sweep.venue.testrange;

import dev.sweep.core.Side;
import dev.sweep.venue.FrameDecoder;
import dev.sweep.venue.SnapshotSplice;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.JsonCursor.Token;
import dev.sweep.venue.json.Vocabulary;

/**
 * Decodes the test range venue's frames and snapshots, and splices each book's snapshot into its diffs: the
 * snapshots are asked for when the venue confirms the subscription, and the splice checks the update ids.
 */
final class TestRangeAdapter extends FrameDecoder {

    /** The fields of frames and snapshots, as the venue writes them. */
    private enum Field {
        EVENT("e"), SYMBOL("s"), FIRST_ID("U"), LAST_ID("u"), BIDS_UPDATE("b"), ASKS_UPDATE("a"), RESULT("result"),
        ERROR("error"), MESSAGE("msg"), LAST_UPDATE_ID("lastUpdateId"), BIDS("bids"), ASKS("asks"), NONE("");

        private final String word;

        Field(String word) {
            this.word = word;
        }
    }

    private enum Event {
        DEPTH_UPDATE("depthUpdate"), HEARTBEAT("heartbeat"), OTHER("");

        private final String word;

        Event(String word) {
            this.word = word;
        }
    }

    private static final Vocabulary<Field> FIELDS = Vocabulary.of(Field.class, Field.NONE, field -> field.word);
    private static final Vocabulary<Event> EVENTS = Vocabulary.of(Event.class, Event.OTHER, event -> event.word);
    private static final long NO_ID = -1;

    private final SnapshotSplice splice;
    private final LevelsField bids = new LevelsField(() -> readLevels(Side.BID, "bids must be an array of [price, size]"));
    private final LevelsField asks = new LevelsField(() -> readLevels(Side.ASK, "asks must be an array of [price, size]"));
    private final Range message = new Range();
    private Event event;
    private boolean result;
    private boolean error;
    private long firstId;
    private long lastId;

    TestRangeAdapter(VenueBooks books, int maxBuffered) {
        super(books);
        this.splice = new SnapshotSplice(books, batch, this::applyBatch, new IdRangeRule(), maxBuffered);
    }

    @Override
    protected boolean readEnvelope(int offset, int length) {
        event = Event.OTHER;
        result = false;
        error = false;
        firstId = NO_ID;
        lastId = NO_ID;
        bids.clear();
        asks.clear();
        message.clear();
        batch.clear();
        if (!openFrame(offset, length)) {
            return false;
        }
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            boolean routed = event == Event.DEPTH_UPDATE && namedBook != NO_BOOK;
            switch (field) {
                case EVENT -> event = readWord(EVENTS, "e");
                case SYMBOL -> readBookName("s");
                case FIRST_ID -> firstId = id("U");
                case LAST_ID -> lastId = id("u");
                case BIDS_UPDATE -> bids.read(routed);
                case ASKS_UPDATE -> asks.read(routed);
                case RESULT -> result = cursor.skipValue();
                case ERROR -> error = readError();
                default -> cursor.skipValue();
            }
        }
        return endFrame() || bids.isRejected() || asks.isRejected();
    }

    @Override
    protected void onEnvelope(long receiveNanos) {
        if (error) {
            listener.onVenueError(message.textOr("error without a message"));
        } else if (event == Event.DEPTH_UPDATE) {
            onDepthUpdate(receiveNanos);
        } else if (event == Event.HEARTBEAT) {
            listener.onHeartbeat();
        } else if (result) {
            // The subscription is confirmed for every symbol of the request: the snapshots can be fetched.
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
        batch.endSection(namedBook, false, -1);
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
                    case BIDS -> readLevels(Side.BID, "bids must be an array of [price, size]");
                    case ASKS -> readLevels(Side.ASK, "asks must be an array of [price, size]");
                    default -> cursor.skipValue();
                }
            }
        }
        if (!endFrame() || id == NO_ID && !fail("a snapshot needs lastUpdateId")) {
            splice.onSnapshotFailed(book, "malformed snapshot: " + problem("not a JSON object"));
            return;
        }
        batch.endSection(book, true, -1);
        splice.onSnapshot(id, receiveNanos);
    }

    @Override
    public void onSnapshotFailed(VenueBook book, String reason) {
        splice.onSnapshotFailed(book, reason);
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

    /** {@code {"code":2,"msg":"…"}}: records where the message is. */
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

    private boolean readLevels(Side side, String notSuch) {
        if (!openArray(notSuch)) {
            return false;
        }
        while (nextItem(Token.START_ARRAY, notSuch)) {
            if (!readLevel(side)) {
                return false;
            }
        }
        return !failed();
    }

    /** One {@code [price, size]}. */
    private boolean readLevel(Side side) {
        long price = amount(books.priceScale(), "price", false);
        long size = price < 0 ? -1 : amount(books.sizeScale(), "size", false);
        if (size < 0) {
            return false;
        }
        return cursor.next() == Token.END_ARRAY ? stage(side, price, size) : fail("a level is [price, size]");
    }
}
