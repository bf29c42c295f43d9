package dev.sweep.venue.coinbase;

import dev.sweep.core.Side;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.FrameDecoder;
import dev.sweep.venue.Reading;
import dev.sweep.venue.StateCause;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.JsonCursor.Token;
import dev.sweep.venue.json.Vocabulary;

/**
 * Decodes Coinbase Advanced Trade frames. {@code sequence_num} counts every frame of the connection, whatever its
 * channel: a jump means a frame was lost, and since it could have been any book's update, every book of the
 * connection is broken. A number at or below the last one is a duplicate and is dropped. The listeners get the frame's
 * {@code sequence_num} as the venue's sequence of each book's message, and its {@code timestamp} as its time.
 *
 * <p>An {@code l2_data} frame in Coinbase's own layout, nearly every frame of a feed, is first offered to a reader of
 * that layout alone ({@link DocumentedL2Frame}), which stages it in one pass; any other frame is read the general way.
 */
final class CoinbaseFeedAdapter extends FrameDecoder {

    private enum Field {
        CHANNEL, SEQUENCE_NUM, TIMESTAMP, EVENTS, TYPE, MESSAGE, PRODUCT_ID, UPDATES, SIDE, PRICE_LEVEL, NEW_QUANTITY,
        SUBSCRIPTIONS, NONE
    }

    private enum Channel { L2_DATA, SUBSCRIPTIONS, HEARTBEATS, OTHER }

    /** A frame's {@code type}: only errors have one. */
    private enum FrameType { ERROR, OTHER }

    private enum EventType { SNAPSHOT, UPDATE, OTHER }

    /** A side as Coinbase writes it. */
    private enum SideWord { BID, OFFER, ASK, OTHER }

    /** The channel, in a {@code subscriptions} frame, whose products are books. */
    private enum SubscribedChannel { LEVEL2, OTHER }

    private static final Vocabulary<Field> FIELDS = Vocabulary.of(Field.class, Field.NONE);
    private static final Vocabulary<Channel> CHANNELS = Vocabulary.of(Channel.class, Channel.OTHER);
    private static final Vocabulary<FrameType> FRAME_TYPES = Vocabulary.of(FrameType.class, FrameType.OTHER);
    private static final Vocabulary<EventType> EVENT_TYPES = Vocabulary.of(EventType.class, EventType.OTHER);
    private static final Vocabulary<SideWord> SIDES = Vocabulary.of(SideWord.class, SideWord.OTHER);
    private static final Vocabulary<SubscribedChannel> SUBSCRIBED_CHANNELS = Vocabulary.of(SubscribedChannel.class,
            SubscribedChannel.OTHER);
    /** No sequence number seen yet on this connection. */
    private static final long NO_SEQUENCE = -1;

    private static final String NOT_EVENTS = "events must be an array of objects";
    private static final String NOT_UPDATES = "updates must be an array of objects";

    private final DocumentedL2Frame documented;
    private final Reading reading;

    private long lastSequence = NO_SEQUENCE;

    // The envelope.
    private Channel channel;
    private boolean error;
    private long sequence;
    /** The frame's {@code timestamp}, nanoseconds since 1970, or {@link BookListener#NONE}. */
    private long timestamp;
    private final LevelsField events = new LevelsField(this::readEvents);
    private final Range message = new Range();

    /**
     * Books whose subscription was confirmed on this connection: every subscriptions frame lists all the
     * connection's subscriptions, so a later subscribe (heartbeats) lists level2 again.
     */
    private final boolean[] confirmed;

    CoinbaseFeedAdapter(VenueBooks books) {
        this(books, Reading.DOCUMENTED_LAYOUT_FIRST);
    }

    CoinbaseFeedAdapter(VenueBooks books, Reading reading) {
        super(books);
        this.confirmed = new boolean[books.size()];
        this.reading = reading;
        this.documented = new DocumentedL2Frame(books, batch);
    }

    @Override
    protected void onEnvelope(long receiveNanos) {
        if (error) {
            listener.onVenueError(message.textOr("error without a message"));
            return;
        }
        if (sequence == NO_SEQUENCE) {
            listener.onFrameRejected("frame without sequence_num");
            books.brokenAll(StateCause.MALFORMED, "frame without sequence_num");
            return;
        }
        if (lastSequence != NO_SEQUENCE && sequence <= lastSequence) {
            listener.onFrameRejected("duplicate or late frame: sequence_num " + sequence + " after " + lastSequence);
            return;
        }
        if (lastSequence != NO_SEQUENCE && sequence > lastSequence + 1) {
            books.brokenAll(StateCause.SEQUENCE_GAP, "sequence gap: expected " + (lastSequence + 1) + ", got " + sequence);
        }
        lastSequence = sequence;
        switch (channel) {
            case L2_DATA -> onBookData(receiveNanos);
            case SUBSCRIPTIONS -> onSubscriptions();
            case HEARTBEATS -> listener.onHeartbeat();
            default -> listener.onFrameRejected("unknown channel");
        }
    }

    @Override
    protected boolean readEnvelope(int offset, int length) {
        if (reading == Reading.DOCUMENTED_LAYOUT_FIRST && documented.stage(buffer, offset, length)) {
            channel = Channel.L2_DATA;
            error = false;
            sequence = documented.sequence();
            timestamp = documented.time();
            events.staged();
            message.clear();
            return true;
        }
        channel = Channel.OTHER;
        error = false;
        sequence = NO_SEQUENCE;
        timestamp = BookListener.NONE;
        events.clear();
        message.clear();
        if (!openFrame(offset, length)) {
            return false;
        }
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            switch (field) {
                case CHANNEL -> channel = readWord(CHANNELS, "channel");
                case SEQUENCE_NUM -> {
                    if (cursor.next() != Token.NUMBER || (sequence = cursor.tokenUnsignedLong()) < 0) {
                        fail("sequence_num must be a non-negative integer");
                    }
                }
                case TYPE -> error = readWord(FRAME_TYPES, "type") == FrameType.ERROR;
                case TIMESTAMP -> timestamp = isoTime("timestamp");
                case EVENTS -> events.read(channel == Channel.L2_DATA);
                case MESSAGE -> message.skip();
                default -> cursor.skipValue();
            }
        }
        return endFrame() || events.isRejected();
    }

    private void onBookData(long receiveNanos) {
        if (!events.stage("l2_data without events")) {
            rejectLevels("malformed l2_data");
            return;
        }
        // The frame's fields, read after its events are staged when the frame writes them after the events.
        batch.stampSections(sequence, timestamp);
        applyBatch(receiveNanos);
    }

    /** Stages the events array the cursor is about to read. */
    private boolean readEvents() {
        batch.clear();
        if (!openArray(NOT_EVENTS)) {
            return false;
        }
        while (nextItem(Token.START_OBJECT, NOT_EVENTS)) {
            if (!readEvent()) {
                return false;
            }
        }
        return !failed();
    }

    private boolean readUpdates() {
        if (!openArray(NOT_UPDATES)) {
            return false;
        }
        while (nextItem(Token.START_OBJECT, NOT_UPDATES)) {
            if (!readUpdate()) {
                return false;
            }
        }
        return !failed();
    }

    private boolean readEvent() {
        namedBook = NO_BOOK;
        unknownBook = false;
        EventType type = EventType.OTHER;
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            switch (field) {
                case TYPE -> type = readWord(EVENT_TYPES, "event type");
                case PRODUCT_ID -> {
                    if (readBookName("product_id") && unknownBook) {
                        listener.onFrameRejected("l2_data for unsubscribed product " + cursor.tokenString());
                    }
                }
                case UPDATES -> readUpdates();
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
            return fail("l2_data event without product_id");
        }
        if (type == EventType.OTHER) {
            return fail("l2_data event type must be snapshot or update");
        }
        batch.endSection(namedBook, type == EventType.SNAPSHOT, -1);
        return true;
    }

    private boolean readUpdate() {
        SideWord side = SideWord.OTHER;
        long price = -1;
        long quantity = -1;
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            switch (field) {
                case SIDE -> {
                    if (readString("side") && (side = SIDES.lookup(cursor)) == SideWord.OTHER) {
                        fail("side must be bid or offer, not " + cursor.tokenString());
                    }
                }
                case PRICE_LEVEL -> price = amount(books.priceScale(), "price_level", false);
                case NEW_QUANTITY -> quantity = amount(books.sizeScale(), "new_quantity", false);
                default -> cursor.skipValue();
            }
        }
        if (failed()) {
            return false;
        }
        if (side == SideWord.OTHER || price < 0 || quantity < 0) {
            return fail("an update needs side, price_level and new_quantity");
        }
        return stage(side == SideWord.BID ? Side.BID : Side.ASK, price, quantity);
    }

    /** Reports the books of {@code level2} subscriptions the venue confirmed; a frame it cannot read confirms none. */
    private void onSubscriptions() {
        if (!events.isSkipped()) {
            return;
        }
        events.open();
        if (cursor.next() != Token.START_ARRAY) {
            return;
        }
        for (Token token = cursor.next(); token == Token.START_OBJECT; token = cursor.next()) {
            for (Token field = cursor.next(); field == Token.FIELD_NAME; field = cursor.next()) {
                if (FIELDS.lookup(cursor) == Field.SUBSCRIPTIONS) {
                    readSubscriptionMap();
                } else if (!cursor.skipValue()) {
                    return;
                }
            }
        }
    }

    private void readSubscriptionMap() {
        if (cursor.next() != Token.START_OBJECT) {
            return;
        }
        for (Token field = cursor.next(); field == Token.FIELD_NAME; field = cursor.next()) {
            boolean level2 = SUBSCRIBED_CHANNELS.lookup(cursor) == SubscribedChannel.LEVEL2;
            if (cursor.next() != Token.START_ARRAY) {
                return;
            }
            for (Token product = cursor.next(); product == Token.STRING; product = cursor.next()) {
                VenueBook book = level2 ? books.find(cursor) : NO_BOOK;
                if (book != NO_BOOK && !confirmed[book.index()]) {
                    confirmed[book.index()] = true;
                    listener.onSubscribed(book);
                }
            }
        }
    }
}
