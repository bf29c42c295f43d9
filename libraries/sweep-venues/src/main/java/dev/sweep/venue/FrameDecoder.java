package dev.sweep.venue;

import dev.sweep.core.BookState;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Side;
import dev.sweep.venue.json.JsonCursor;
import dev.sweep.venue.json.JsonCursor.Token;
import java.util.function.BooleanSupplier;

/**
 * What every venue's {@link FeedAdapter} shares: a cursor over the frame, a batch to stage levels in, the first
 * reason a frame was rejected, and the rule for applying a staged frame (apply, the shared checks, whatever
 * the venue adds through {@link #verify}, then live).
 */
public abstract class FrameDecoder implements FeedAdapter {

    /**
     * Where a frame's levels stand after the envelope pass. Venues write the routing fields (channel, type, symbol)
     * before the levels, so the levels are usually staged in the same pass ({@code STAGED} or {@code REJECTED});
     * when they come first they are skipped and read in a second pass ({@code SKIPPED}).
     */
    protected enum Staging { ABSENT, SKIPPED, STAGED, REJECTED }

    protected final VenueBooks books;
    protected final FeedListener listener;
    protected final JsonCursor cursor = new JsonCursor();
    protected final LevelBatch batch = new LevelBatch();
    /** The frame being decoded. */
    protected byte[] buffer;
    private String problem;

    protected FrameDecoder(VenueBooks books) {
        this.books = books;
        this.listener = books.listener();
    }

    /** Starts decoding a frame held in {@code frame}; call first in {@link #onFrame}. */
    protected final void startFrame(byte[] frame) {
        buffer = frame;
        problem = null;
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

        /** The recorded value's text (a string's content), for messages. */
        public String text() {
            open();
            cursor.next();
            return cursor.tokenString();
        }
    }

    /**
     * Rejects a frame whose envelope could not be read. It could have been any book's update, so every book of the
     * connection may have missed data: all are broken.
     */
    protected final void rejectUnreadableFrame() {
        listener.onFrameRejected(problem("not a JSON object"));
        books.brokenAll("malformed frame");
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

    /** Stages a level read from the frame; false, with a reason, for a non-positive price or an oversized frame. */
    protected final boolean stage(Side side, long price, long size) {
        if (price == 0) {
            return fail("price must be positive");
        }
        return batch.addLevel(side, price, size) || fail("more than " + LevelBatch.MAX_LEVELS + " levels in one frame");
    }

    /**
     * Reads an array whose items each start with {@code itemStart}, handing every item to {@code item} (which reads it
     * to its end). Keep the {@code item} readers in fields: a method reference made per call could allocate.
     *
     * @return false, with a reason, when the value is not such an array or an item is rejected
     */
    protected final boolean readArray(Token itemStart, BooleanSupplier item, String notAnArray) {
        if (cursor.next() != Token.START_ARRAY) {
            return fail(notAnArray);
        }
        for (Token token = cursor.next(); token != Token.END_ARRAY; token = cursor.next()) {
            if (token != itemStart || !item.getAsBoolean()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Stages the levels that follow the current field name now, when the fields that route them came first
     * ({@code now}); otherwise records where they are, for a second pass once the envelope has been read.
     *
     * @return STAGED, SKIPPED, or REJECTED when the levels are wrong (the envelope pass stops there: the problem is
     *         the book's); null when the frame is not valid JSON (the envelope pass fails: the problem is the frame's)
     */
    protected final Staging stageOrSkip(boolean now, BooleanSupplier stage, Range range) {
        if (now) {
            if (stage.getAsBoolean()) {
                return Staging.STAGED;
            }
            return cursor.error() == null ? Staging.REJECTED : null;
        }
        return range.skip() ? Staging.SKIPPED : null;
    }

    /** Applies every section of a completely decoded frame, with the shared checks and the venue's own. */
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
