package dev.sweep.venue.coinbase;

import static dev.sweep.venue.json.Ascii.bytes;

import dev.sweep.core.Side;
import dev.sweep.venue.FrameDecoder;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.JsonCursor.Token;
import java.util.function.BooleanSupplier;

/**
 * Decodes Coinbase Advanced Trade frames. {@code sequence_num} counts every frame of the connection, whatever its
 * channel: a jump means a frame was lost, and since it could have been any book's update, every book of the
 * connection is broken. A number at or below the last one is a duplicate and is dropped.
 */
final class CoinbaseFeedAdapter extends FrameDecoder {

    private static final byte[] CHANNEL = bytes("channel");
    private static final byte[] SEQUENCE_NUM = bytes("sequence_num");
    private static final byte[] EVENTS = bytes("events");
    private static final byte[] TYPE = bytes("type");
    private static final byte[] MESSAGE = bytes("message");
    private static final byte[] L2_DATA = bytes("l2_data");
    private static final byte[] SUBSCRIPTIONS = bytes("subscriptions");
    private static final byte[] HEARTBEATS = bytes("heartbeats");
    private static final byte[] ERROR = bytes("error");
    private static final byte[] SNAPSHOT = bytes("snapshot");
    private static final byte[] UPDATE = bytes("update");
    private static final byte[] PRODUCT_ID = bytes("product_id");
    private static final byte[] UPDATES = bytes("updates");
    private static final byte[] SIDE = bytes("side");
    private static final byte[] PRICE_LEVEL = bytes("price_level");
    private static final byte[] NEW_QUANTITY = bytes("new_quantity");
    private static final byte[] BID = bytes("bid");
    private static final byte[] OFFER = bytes("offer");
    private static final byte[] ASK = bytes("ask");
    private static final byte[] LEVEL2 = bytes("level2");

    private enum Channel { NONE, L2_DATA, SUBSCRIPTIONS, HEARTBEATS, OTHER }

    private long lastSequence = -1;
    private Channel channel;
    private boolean error;
    private long sequence;
    private Staging events;
    private final Range eventsRange = new Range();
    private final Range message = new Range();
    private final BooleanSupplier readEvents = this::readEvents;
    private final BooleanSupplier readEvent = this::readEvent;
    private final BooleanSupplier readUpdate = this::readUpdate;
    /**
     * Books whose subscription was confirmed on this connection: every subscriptions frame lists all the
     * connection's subscriptions, so a later subscribe (heartbeats) lists level2 again.
     */
    private final boolean[] confirmed;

    CoinbaseFeedAdapter(VenueBooks books) {
        super(books);
        this.confirmed = new boolean[books.size()];
    }

    @Override
    public void onFrame(byte[] buffer, int offset, int length, long receiveNanos) {
        startFrame(buffer);
        if (!readEnvelope(offset, length)) {
            rejectUnreadableFrame();
            return;
        }
        if (error) {
            listener.onVenueError(message.isRecorded() ? message.text() : "error without a message");
            return;
        }
        if (sequence < 0) {
            listener.onFrameRejected("frame without sequence_num");
            books.brokenAll("frame without sequence_num");
            return;
        }
        if (lastSequence >= 0 && sequence <= lastSequence) {
            listener.onFrameRejected("duplicate or late frame: sequence_num " + sequence + " after " + lastSequence);
            return;
        }
        if (lastSequence >= 0 && sequence > lastSequence + 1) {
            books.brokenAll("sequence gap: expected " + (lastSequence + 1) + ", got " + sequence);
        }
        lastSequence = sequence;
        switch (channel) {
            case L2_DATA -> onBookData(receiveNanos);
            case SUBSCRIPTIONS -> onSubscriptions();
            case HEARTBEATS -> listener.onHeartbeat();
            default -> listener.onFrameRejected("unknown channel");
        }
    }

    private boolean readEnvelope(int offset, int length) {
        cursor.wrap(buffer, offset, length);
        channel = Channel.NONE;
        error = false;
        sequence = -1;
        events = Staging.ABSENT;
        message.clear();
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
                channel = cursor.tokenEquals(L2_DATA) ? Channel.L2_DATA
                        : cursor.tokenEquals(SUBSCRIPTIONS) ? Channel.SUBSCRIPTIONS
                        : cursor.tokenEquals(HEARTBEATS) ? Channel.HEARTBEATS : Channel.OTHER;
            } else if (cursor.tokenEquals(SEQUENCE_NUM)) {
                if (cursor.next() != Token.NUMBER || (sequence = cursor.tokenUnsignedLong()) < 0) {
                    return fail("sequence_num must be a non-negative integer");
                }
            } else if (cursor.tokenEquals(TYPE)) {
                if (cursor.next() != Token.STRING) {
                    return fail("type must be a string");
                }
                error = cursor.tokenEquals(ERROR);
            } else if (cursor.tokenEquals(EVENTS)) {
                events = stageOrSkip(channel == Channel.L2_DATA, readEvents, eventsRange);
                if (events == null || events == Staging.REJECTED) {
                    return events != null;
                }
            } else if (cursor.tokenEquals(MESSAGE)) {
                if (!message.skip()) {
                    return false;
                }
            } else if (!cursor.skipValue()) {
                return false;
            }
        }
        return cursor.finish();
    }

    private void onBookData(long receiveNanos) {
        boolean staged = switch (events) {
            case STAGED -> true;
            case REJECTED -> false;
            case ABSENT -> fail("l2_data without events");
            case SKIPPED -> eventsRange.read(readEvents);
        };
        if (!staged) {
            String reason = problem("malformed l2_data");
            listener.onFrameRejected(reason);
            books.brokenAll(reason);
            return;
        }
        applyBatch(receiveNanos);
    }

    /** Stages the events array the cursor is about to read. */
    private boolean readEvents() {
        batch.clear();
        return readArray(Token.START_OBJECT, readEvent, "events must be an array");
    }

    private boolean readEvent() {
        VenueBook book = null;
        boolean unknownProduct = false;
        int type = -1;
        for (Token token = cursor.next(); token != Token.END_OBJECT; token = cursor.next()) {
            if (token != Token.FIELD_NAME) {
                return false;
            }
            if (cursor.tokenEquals(TYPE)) {
                if (cursor.next() != Token.STRING) {
                    return fail("event type must be a string");
                }
                type = cursor.tokenEquals(SNAPSHOT) ? 1 : cursor.tokenEquals(UPDATE) ? 0 : -1;
            } else if (cursor.tokenEquals(PRODUCT_ID)) {
                if (cursor.next() != Token.STRING) {
                    return fail("product_id must be a string");
                }
                book = books.find(cursor);
                unknownProduct = book == null;
                if (unknownProduct) {
                    listener.onFrameRejected("l2_data for unsubscribed product " + cursor.tokenString());
                }
            } else if (cursor.tokenEquals(UPDATES)) {
                if (!readUpdates()) {
                    return false;
                }
            } else if (!cursor.skipValue()) {
                return false;
            }
        }
        if (unknownProduct) {
            batch.discardOpenSection();
            return true;
        }
        if (book == null) {
            return fail("l2_data event without product_id");
        }
        if (type < 0) {
            return fail("l2_data event type must be snapshot or update");
        }
        batch.endSection(book, type == 1, -1);
        return true;
    }

    private boolean readUpdates() {
        return readArray(Token.START_OBJECT, readUpdate, "updates must be an array");
    }

    private boolean readUpdate() {
        Side side = null;
        long price = -1;
        long quantity = -1;
        for (Token token = cursor.next(); token != Token.END_OBJECT; token = cursor.next()) {
            if (token != Token.FIELD_NAME) {
                return false;
            }
            if (cursor.tokenEquals(SIDE)) {
                if (cursor.next() != Token.STRING) {
                    return fail("side must be a string");
                }
                side = cursor.tokenEquals(BID) ? Side.BID
                        : cursor.tokenEquals(OFFER) || cursor.tokenEquals(ASK) ? Side.ASK : null;
                if (side == null) {
                    return fail("side must be bid or offer, not " + cursor.tokenString());
                }
            } else if (cursor.tokenEquals(PRICE_LEVEL)) {
                if ((price = amount(books.priceScale(), "price_level", false)) < 0) {
                    return false;
                }
            } else if (cursor.tokenEquals(NEW_QUANTITY)) {
                if ((quantity = amount(books.sizeScale(), "new_quantity", false)) < 0) {
                    return false;
                }
            } else if (!cursor.skipValue()) {
                return false;
            }
        }
        if (side == null || price < 0 || quantity < 0) {
            return fail("an update needs side, price_level and new_quantity");
        }
        return stage(side, price, quantity);
    }


    private void onSubscriptions() {
        if (events != Staging.SKIPPED) {
            return;
        }
        eventsRange.open();
        if (cursor.next() != Token.START_ARRAY) {
            return;
        }
        for (Token token = cursor.next(); token == Token.START_OBJECT; token = cursor.next()) {
            for (Token field = cursor.next(); field == Token.FIELD_NAME; field = cursor.next()) {
                if (cursor.tokenEquals(SUBSCRIPTIONS)) {
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
            boolean level2 = cursor.tokenEquals(LEVEL2);
            if (cursor.next() != Token.START_ARRAY) {
                return;
            }
            for (Token product = cursor.next(); product == Token.STRING; product = cursor.next()) {
                VenueBook book = level2 ? books.find(cursor) : null;
                if (book != null && !confirmed[book.index()]) {
                    confirmed[book.index()] = true;
                    listener.onSubscribed(book);
                }
            }
        }
    }

}
