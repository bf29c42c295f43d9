package dev.sweep.venue.testvenue;

import dev.sweep.core.Side;
import dev.sweep.venue.FrameDecoder;
import dev.sweep.venue.StateCause;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.JsonCursor.Token;
import dev.sweep.venue.json.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes the test venue's frames; a jump in {@code seq} breaks every book of the connection. The answers to the
 * keep-alives of its subclasses carry no {@code seq}: a text {@code pong}, Bybit's pong JSON (its {@code op} is
 * {@code ping}), and Crypto.com's heartbeat request, which is reported for the connection to answer.
 */
final class TestVenueAdapter extends FrameDecoder {

    private enum Field { SEQ, TYPE, SYMBOL, LEVELS, MESSAGE, OP, ID, METHOD, NONE }

    private enum Type { SNAPSHOT, UPDATE, HEARTBEAT, ERROR, OTHER }

    private enum Op { PING, OTHER }

    private enum Method { HEARTBEAT_REQUEST, OTHER }

    private enum SideWord { BID, ASK, OTHER }

    private static final Vocabulary<Field> FIELDS = Vocabulary.of(Field.class, Field.NONE);
    private static final Vocabulary<Type> TYPES = Vocabulary.of(Type.class, Type.OTHER);
    private static final Vocabulary<Op> OPS = Vocabulary.of(Op.class, Op.OTHER);
    private static final Vocabulary<Method> METHODS = Vocabulary.of(Method.class, Method.OTHER,
            method -> "public/heartbeat");
    private static final Vocabulary<SideWord> SIDES = Vocabulary.of(SideWord.class, SideWord.OTHER);
    private static final byte[] TEXT_PONG = "pong".getBytes(StandardCharsets.US_ASCII);
    private static final long NO_SEQUENCE = -1;
    private static final long NO_ID = -1;

    private long lastSequence = NO_SEQUENCE;
    private long sequence;
    private Type type;
    /** A pong: the text {@code pong}, or a frame whose {@code op} is {@code ping}. */
    private boolean pong;
    private Method method;
    private long id;
    private final LevelsField levels = new LevelsField(this::readLevels);
    private final Range message = new Range();

    TestVenueAdapter(VenueBooks books) {
        super(books);
    }

    @Override
    protected boolean readEnvelope(int offset, int length) {
        sequence = NO_SEQUENCE;
        type = Type.OTHER;
        method = Method.OTHER;
        id = NO_ID;
        levels.clear();
        message.clear();
        pong = Arrays.equals(buffer, offset, offset + length, TEXT_PONG, 0, TEXT_PONG.length);
        if (pong) {
            return true; // not JSON: OKX answers a text ping with the text pong
        }
        if (!openFrame(offset, length)) {
            return false;
        }
        for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
            switch (field) {
                case SEQ -> {
                    if (cursor.next() != Token.NUMBER || (sequence = cursor.tokenUnsignedLong()) < 0) {
                        fail("seq must be a non-negative integer");
                    }
                }
                case TYPE -> type = readWord(TYPES, "type");
                case SYMBOL -> readBookName("symbol");
                case LEVELS -> levels.read((type == Type.SNAPSHOT || type == Type.UPDATE) && namedBook != NO_BOOK);
                case MESSAGE -> message.skip();
                case OP -> pong = readWord(OPS, "op") == Op.PING;
                case METHOD -> method = readWord(METHODS, "method");
                case ID -> {
                    if (cursor.next() != Token.NUMBER || (id = cursor.tokenUnsignedLong()) < 0) {
                        fail("id must be a non-negative integer");
                    }
                }
                default -> cursor.skipValue();
            }
        }
        return endFrame() || levels.isRejected();
    }

    @Override
    protected void onEnvelope(long receiveNanos) {
        if (type == Type.ERROR) {
            listener.onVenueError(message.textOr("error without a message"));
            return;
        }
        if (pong) {
            listener.onHeartbeat();
            return;
        }
        if (method == Method.HEARTBEAT_REQUEST) {
            onHeartbeatRequest();
            return;
        }
        if (sequence == NO_SEQUENCE || (lastSequence != NO_SEQUENCE && sequence <= lastSequence)) {
            listener.onFrameRejected("seq missing or not after " + lastSequence);
            return;
        }
        if (lastSequence != NO_SEQUENCE && sequence > lastSequence + 1) {
            books.brokenAll(StateCause.SEQUENCE_GAP, "sequence gap: expected " + (lastSequence + 1) + ", got " + sequence);
        }
        lastSequence = sequence;
        switch (type) {
            case SNAPSHOT, UPDATE -> onLevels(receiveNanos);
            case HEARTBEAT -> listener.onHeartbeat();
            default -> listener.onFrameRejected("unknown type");
        }
    }

    private void onHeartbeatRequest() {
        if (id == NO_ID) {
            listener.onFrameRejected("a heartbeat request without id");
            return;
        }
        listener.onHeartbeat();
        listener.onHeartbeatRequest(id);
    }

    private void onLevels(long receiveNanos) {
        if (unknownBook) {
            listener.onFrameRejected("levels of an unsubscribed symbol");
            return;
        }
        boolean staged = levels.isSkipped() && namedBook == NO_BOOK ? fail("levels without symbol")
                : levels.stage("a book frame without levels");
        if (!staged) {
            rejectLevels("malformed levels");
            return;
        }
        batch.endSection(namedBook, type == Type.SNAPSHOT, -1);
        applyBatch(receiveNanos);
    }

    private boolean readLevels() {
        batch.clear();
        String notSuch = "levels must be an array of arrays";
        if (!openArray(notSuch)) {
            return false;
        }
        while (nextItem(Token.START_ARRAY, notSuch)) {
            if (!readLevel()) {
                return false;
            }
        }
        return !failed();
    }

    /** One {@code [side, price, size]}. */
    private boolean readLevel() {
        if (!readString("side")) {
            return false;
        }
        SideWord side = SIDES.lookup(cursor);
        if (side == SideWord.OTHER) {
            return fail("side must be bid or ask");
        }
        long price = amount(books.priceScale(), "price", false);
        long size = price < 0 ? -1 : amount(books.sizeScale(), "size", false);
        if (size < 0) {
            return false;
        }
        return cursor.next() == Token.END_ARRAY ? stage(side == SideWord.BID ? Side.BID : Side.ASK, price, size)
                : fail("a level is [side, price, size]");
    }
}
