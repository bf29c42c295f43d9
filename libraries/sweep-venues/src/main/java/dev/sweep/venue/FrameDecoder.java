package dev.sweep.venue;

import dev.sweep.core.BookState;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Side;
import dev.sweep.venue.json.JsonCursor;
import dev.sweep.venue.json.JsonCursor.Token;
import dev.sweep.venue.json.VenueTimes;
import dev.sweep.venue.json.Vocabulary;
import java.util.function.BooleanSupplier;

/**
 * What every venue's {@link FeedAdapter} shares: the steps of a frame (read its envelope, reject it whole when it is
 * unreadable, else act on it), a cursor over it, one way to read its objects field by field (names mapped once to
 * constants by a {@link Vocabulary}), a batch to stage levels in, the first reason a frame was rejected, and the rules
 * for a rejected frame and for applying a staged one (apply, the shared checks, whatever the venue adds through
 * {@link #verify}, then live).
 *
 * <p>An object is read with a loop over {@link #nextField}, switching on the field in place:
 * <pre>{@code
 * for (Field field = nextField(FIELDS); field != Field.NONE; field = nextField(FIELDS)) {
 *     switch (field) {
 *         case PRICE -> price = amount(books.priceScale(), "price", true);
 *         default -> cursor.skipValue();
 *     }
 * }
 * return !failed();
 * }</pre>
 * A value that cannot be read records why ({@link #fail}, or the cursor's syntax error), and the loop ends at the next
 * field. An array is read the same way, with a loop over {@link #nextItem}:
 * <pre>{@code
 * if (!openArray("bids must be an array of objects")) {
 *     return false;
 * }
 * while (nextItem(Token.START_OBJECT, "bids must be an array of objects")) {
 *     if (!readLevel(Side.BID)) {
 *         return false;
 *     }
 * }
 * return !failed();
 * }</pre>
 * The loops are written out in each reader rather than shared behind a callback: a callback called from one place for
 * every kind of object or item is a call the JIT inlines only when the profile it gathered at that one place shows a
 * single or two readers; with more (a venue's several arrays, or several venues in one process) it stays a virtual
 * call, once per field or level of every frame, and which case a run gets depends on its warm-up.
 */
public abstract class FrameDecoder implements FeedAdapter {

    /** Stands for "no book" in {@link #namedBook}. */
    protected static final VenueBook NO_BOOK = null;

    protected final VenueBooks books;
    protected final FeedListener listener;
    protected final JsonCursor cursor = new JsonCursor();
    /** The books' one staging batch ({@link VenueBooks#staging}), shared with the adapters of later connections. */
    protected final LevelBatch batch;
    /** The frame being decoded. */
    protected byte[] buffer;
    /**
     * The book the part of the frame being read names, before its levels are staged: if the frame is rejected, this
     * book missed an update too. {@link #NO_BOOK} when none.
     */
    protected VenueBook namedBook;
    /** Whether the part of the frame being read names a book this connection does not keep (not subscribed). */
    protected boolean unknownBook;
    private String problem;

    protected FrameDecoder(VenueBooks books) {
        this.books = books;
        this.listener = books.listener();
        this.batch = books.staging();
    }

    @Override
    public final void onFrame(byte[] frame, int offset, int length, long receiveNanos) {
        startText(frame);
        if (!readEnvelope(offset, length)) {
            rejectUnreadableFrame();
            return;
        }
        onEnvelope(receiveNanos);
    }

    /**
     * Starts decoding a text: a frame, or a snapshot fetched over REST ({@link FeedAdapter#onSnapshot}), which is read
     * with the same tools and rejected with {@link #problem} the same way.
     */
    protected final void startText(byte[] text) {
        buffer = text;
        problem = null;
        // The batch may hold the last text's sections: a text rejected before it staged any must not break their books.
        batch.clear();
        namedBook = NO_BOOK;
        unknownBook = false;
    }

    /**
     * Reads the frame's envelope (from {@link #openFrame} to {@link #endFrame}): what it is, and where its parts are.
     *
     * @return false when the frame cannot be read: it could have been any book's, and every book is broken
     */
    protected abstract boolean readEnvelope(int offset, int length);

    /** Acts on a frame whose envelope was read: applies its levels, or tells the listener what it was. */
    protected abstract void onEnvelope(long receiveNanos);

    /** Starts reading the frame, which must be one JSON object; read its fields with {@link #nextField}. */
    protected final boolean openFrame(int offset, int length) {
        cursor.wrap(buffer, offset, length);
        return cursor.next() == Token.START_OBJECT || fail("a message must be a JSON object");
    }

    /** Whether the frame was read whole without a failure, with nothing after its object. */
    protected final boolean endFrame() {
        return !failed() && cursor.finish();
    }

    /**
     * The next field of the object being read whose name is in the vocabulary, the cursor on its name; fields not in
     * it are skipped. The vocabulary's other constant when the object ends, or when reading it failed.
     */
    protected final <F extends Enum<F>> F nextField(Vocabulary<F> fields) {
        while (!failed() && cursor.next() == Token.FIELD_NAME) {
            F field = fields.lookup(cursor);
            if (field != fields.other()) {
                return field;
            }
            cursor.skipValue();
        }
        return fields.other();
    }

    /** Whether a reason was recorded, or the frame is not valid JSON. */
    protected final boolean failed() {
        return problem != null || cursor.error() != null;
    }

    /** Reads the next value, which must be a string; false, with {@code "<field> must be a string"}, otherwise. */
    protected final boolean readString(String field) {
        return cursor.next() == Token.STRING || fail(field + " must be a string");
    }

    /**
     * Reads the next value, which must be a string, as the venue's name of a book: into {@link #namedBook}, or
     * {@link #unknownBook} when the connection keeps no such book.
     *
     * @return false when the value is not a string
     */
    protected final boolean readBookName(String field) {
        if (!readString(field)) {
            return false;
        }
        namedBook = books.find(cursor);
        unknownBook = namedBook == NO_BOOK;
        return true;
    }

    /**
     * Reads the next value, which must be a string, as a word of the vocabulary: its constant, or the vocabulary's
     * other one, which it also returns after recording {@code "<field> must be a string"} for another value.
     */
    protected final <V extends Enum<V>> V readWord(Vocabulary<V> words, String field) {
        return readString(field) ? words.lookup(cursor) : words.other();
    }

    /**
     * Where a value of the frame is, recorded in the envelope pass (skipped over, validated) to be read later: when
     * the fields that say how to read it came after it, or only when it is needed (an error text).
     */
    protected final class Range {

        private int start = -1;
        private int end;

        public Range() {
            // Created once per adapter and reused for every frame.
        }

        /** Forgets the range (the frame has no such value). */
        public void clear() {
            start = -1;
        }

        public boolean isRecorded() {
            return start >= 0;
        }

        /** Skips the value after the current field name, recording where it is; false if it is not valid JSON. */
        public boolean skip() {
            start = cursor.position();
            if (!cursor.skipValue()) {
                return false;
            }
            end = cursor.position();
            return true;
        }

        /** Points the cursor at the recorded value. */
        public void open() {
            cursor.wrap(buffer, start, end - start);
        }

        /** Reads the recorded value whole with {@code reader}, with nothing after it. */
        public boolean read(BooleanSupplier reader) {
            open();
            return reader.getAsBoolean() && cursor.finish();
        }

        /** The recorded value's text (a string's content), for messages; {@code absent} when none was recorded. */
        public String textOr(String absent) {
            if (!isRecorded()) {
                return absent;
            }
            open();
            cursor.next();
            return cursor.tokenString();
        }
    }

    /**
     * The envelope field that holds a frame's levels. Venues write the routing fields (channel, type, symbol) before
     * it, so its levels are usually staged in the envelope pass; when they come first they are skipped, recorded, and
     * staged in a second pass once the envelope has been read.
     */
    protected final class LevelsField {

        /** Where the field's levels stand. */
        private enum Staging {
            /** The frame has no such field. */
            ABSENT,
            /** Skipped in the envelope pass, to be staged from its recorded range. */
            SKIPPED,
            STAGED,
            /** The levels are wrong: the problem is the book's, and the envelope pass stopped there. */
            REJECTED,
            /** The value is not valid JSON: the problem is the frame's. */
            MALFORMED
        }

        private final BooleanSupplier stage;
        private final Range range = new Range();
        private Staging staging = Staging.ABSENT;

        /** @param stage stages the value the cursor is about to read */
        public LevelsField(BooleanSupplier stage) {
            this.stage = stage;
        }

        /** Forgets the last frame's field. */
        public void clear() {
            staging = Staging.ABSENT;
        }

        /**
         * Reads the field in the envelope pass: stages it now when the fields that route it came first
         * ({@code routed}), otherwise records where it is.
         *
         * @return false when the envelope pass must stop: the levels were rejected, or are not valid JSON
         */
        public boolean read(boolean routed) {
            if (routed) {
                staging = stage.getAsBoolean() ? Staging.STAGED
                        : cursor.error() == null ? Staging.REJECTED : Staging.MALFORMED;
            } else {
                staging = range.skip() ? Staging.SKIPPED : Staging.MALFORMED;
            }
            return staging == Staging.STAGED || staging == Staging.SKIPPED;
        }

        /** Notes that the field's levels were staged whole by other means: a reader of the venue's own layout. */
        public void staged() {
            staging = Staging.STAGED;
        }

        /** Whether the levels were rejected in the envelope pass: the frame was readable up to them. */
        public boolean isRejected() {
            return staging == Staging.REJECTED;
        }

        /** Whether the field was skipped, and is waiting for a second pass. */
        public boolean isSkipped() {
            return staging == Staging.SKIPPED;
        }

        /** Points the cursor at a skipped field's value, to read it as something else than levels. */
        public void open() {
            range.open();
        }

        /**
         * Whether the levels are staged, staging them now if they were skipped.
         *
         * @param absent why the frame is rejected when it has no such field
         */
        public boolean stage(String absent) {
            return switch (staging) {
                case STAGED -> true;
                case REJECTED, MALFORMED -> false;
                case ABSENT -> fail(absent);
                case SKIPPED -> range.read(stage);
            };
        }
    }

    /**
     * Rejects a frame whose envelope could not be read. It could have been any book's update, so every book of the
     * connection may have missed data: all are broken.
     */
    protected final void rejectUnreadableFrame() {
        listener.onFrameRejected(problem("not a JSON object"));
        books.brokenAll(StateCause.MALFORMED, "malformed frame");
    }

    /**
     * Rejects a frame whose levels could not be staged. The books it named (those staged before the problem, and
     * {@link #namedBook}) missed an update and are broken; when it named none, any book may have, and all are.
     */
    protected final void rejectLevels(String fallback) {
        String reason = problem(fallback);
        listener.onFrameRejected(reason);
        if (batch.sectionCount() == 0 && namedBook == NO_BOOK) {
            books.brokenAll(StateCause.MALFORMED, reason);
            return;
        }
        for (int section = 0; section < batch.sectionCount(); section++) {
            books.broken(batch.sectionBook(section), StateCause.MALFORMED, reason);
        }
        if (namedBook != NO_BOOK) {
            books.broken(namedBook, StateCause.MALFORMED, reason);
        }
    }

    /** Records why the frame is rejected (the first reason wins) and returns false, to end a decoding chain. */
    protected final boolean fail(String reason) {
        if (problem == null) {
            problem = reason;
        }
        return false;
    }

    /**
     * Why the frame was rejected: a JSON syntax error first (it explains any reason recorded after it), else the
     * recorded reason, else {@code fallback}.
     */
    protected final String problem(String fallback) {
        if (cursor.error() != null) {
            return "malformed JSON: " + cursor.error();
        }
        return problem != null ? problem : fallback;
    }

    /**
     * Reads the next value as an amount at the given scale: a decimal string, or also a JSON number read from its
     * digits when {@code numbers} is true.
     *
     * @return the scaled value, or -1 after recording the reason
     */
    protected final long amount(int scale, String field, boolean numbers) {
        Token token = cursor.next();
        if (token != Token.STRING && !(numbers && token == Token.NUMBER)) {
            fail(field + (numbers ? " must be a number" : " must be a decimal string"));
            return -1;
        }
        long value = cursor.tokenFixedPoint(scale);
        if (value < 0) {
            fail("bad " + field + " '" + cursor.tokenString() + "': " + FixedPoint.describe(value, scale));
            return -1;
        }
        return value;
    }

    /**
     * Reads the next value as the venue's time of its message, an RFC 3339 string: nanoseconds since 1970, or
     * {@link BookListener#NONE} when the string is not such a time. A time is what the venue says of its message, not
     * part of the book: one that cannot be read is not known, and the frame is applied all the same.
     *
     * @return the time, or {@link BookListener#NONE}, also after recording why a value that is not a string is wrong
     */
    protected final long isoTime(String field) {
        Token token = cursor.next();
        if (token == Token.STRING) {
            long nanos = cursor.tokenIsoNanos();
            return nanos == VenueTimes.INVALID ? BookListener.NONE : nanos;
        }
        return scalarTime(token, field);
    }

    /**
     * Reads the next value as the venue's time of its message in milliseconds since 1970, a number or a string of
     * digits, as {@link #isoTime} does: nanoseconds since 1970, or {@link BookListener#NONE}.
     */
    protected final long millisTime(String field) {
        Token token = cursor.next();
        if (token == Token.STRING || token == Token.NUMBER) {
            long nanos = VenueTimes.millisToNanos(cursor.tokenUnsignedLong());
            return nanos == VenueTimes.INVALID ? BookListener.NONE : nanos;
        }
        return scalarTime(token, field);
    }

    /** A time that is not a string: a scalar is no time, an object or array makes the frame's shape wrong. */
    private long scalarTime(Token token, String field) {
        if (token == Token.START_OBJECT || token == Token.START_ARRAY) {
            fail(field + " must be a time");
        }
        return BookListener.NONE;
    }

    /** Stages a level read from the frame; false, with a reason, for a non-positive price or an oversized frame. */
    protected final boolean stage(Side side, long price, long size) {
        if (price == 0) {
            return fail("price must be positive");
        }
        return batch.addLevel(side, price, size) || fail("more than " + LevelBatch.MAX_LEVELS + " levels in one frame");
    }

    /**
     * Reads the next value as the start of an array; read its items with {@link #nextItem}.
     *
     * @param notSuch why the frame is rejected when the value is not an array
     */
    protected final boolean openArray(String notSuch) {
        return cursor.next() == Token.START_ARRAY || fail(notSuch);
    }

    /**
     * Moves to the next item of the array being read, which must start with {@code itemStart}: true on it, for the
     * caller to read it to its end; false at the end of the array, or after recording {@code notSuch} when the next
     * value is not such an item ({@link #failed} tells which).
     */
    protected final boolean nextItem(Token itemStart, String notSuch) {
        Token token = cursor.next();
        if (token == itemStart) {
            return true;
        }
        if (token != Token.END_ARRAY && cursor.error() == null) {
            fail(notSuch);
        }
        return false;
    }

    /** Stages a side's levels written as arrays, price and size first, as {@code shape} says the venue writes them. */
    protected final boolean readArrayLevels(Side side, ArrayLevels shape) {
        if (!openArray(shape.notSuch())) {
            return false;
        }
        while (nextItem(Token.START_ARRAY, shape.notSuch())) {
            if (!readArrayLevel(side, shape)) {
                return false;
            }
        }
        return !failed();
    }

    /** One level of {@link #readArrayLevels}, the cursor inside its array. */
    private boolean readArrayLevel(Side side, ArrayLevels shape) {
        long price = amount(books.priceScale(), "price", false);
        long size = price < 0 ? -1 : amount(books.sizeScale(), shape.size(), false);
        if (size < 0) {
            return false;
        }
        Token token = cursor.next();
        while (shape.moreFields() && (token == Token.STRING || token == Token.NUMBER)) {
            token = cursor.next();
        }
        return token == Token.END_ARRAY ? stage(side, price, size) : fail(shape.notLevel());
    }

    /**
     * Hands every section of a completely decoded frame to the books' listeners: first the live book, then the shared
     * checks and the venue's own, and only a section that passed them to the listeners attached after it.
     *
     * <p>The checks run here, against the live book this adapter's {@link VenueBooks} holds, rather than being asked
     * of a listener: a checksum is computed over the book after the update, and the live book is the one book every
     * connection keeps and the one that is swept. Checking it before anyone else sees the section means that an
     * attached listener (a recorder, a publisher) never receives a change that failed, needs no book of its own for
     * the check, and cannot make a bad frame pass by keeping its book differently.
     */
    protected final void applyBatch(long receiveNanos) {
        for (int section = 0; section < batch.sectionCount(); section++) {
            VenueBook book = batch.sectionBook(section);
            if (book.state() == BookState.BROKEN && !batch.isSnapshot(section)) {
                continue; // already reported; updates are moot until the resync's snapshot
            }
            if (!books.apply(batch, section, receiveNanos)) {
                listener.onFrameRejected("update before a snapshot for " + book.venueSymbol());
            } else if (books.checkShared(book) && verify(book, batch.checksum(section))) {
                books.live(book);
                books.forward(batch, section, receiveNanos);
            }
        }
    }

    /**
     * The venue's own check of a book just updated by a section; marks the book broken and returns false when it
     * fails. Venues without one accept every book.
     */
    protected boolean verify(VenueBook book, long checksum) {
        return true;
    }
}
