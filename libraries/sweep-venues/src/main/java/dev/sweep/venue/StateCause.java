package dev.sweep.venue;

import dev.sweep.core.BookState;

/**
 * Why a book's state changed, as a value to count and match on; the reason that goes with it says the same for
 * people, with the numbers. The causes are those the venues' adapters, the shared book checks and the connection
 * report.
 */
public enum StateCause {

    /** A snapshot, or the update after it, passed every check: the book is {@link BookState#LIVE}. */
    SNAPSHOT,

    /** Frames came again after a silence: a {@link BookState#STALE} book is live again (TCP lost nothing). */
    RESUMED,

    /** A connection opened: its books wait for their snapshots. */
    CONNECTED,

    /** The connection closed, was lost, could not open, or the venue announced it would close it. */
    DISCONNECT,

    /** The connection was replaced to rebuild a broken or silent book from a fresh snapshot. */
    RESYNC,

    /**
     * The connection was replaced before the venue's limit on its life (Binance: 24 h) by one whose books were
     * already live: the books stayed live throughout.
     */
    PLANNED_RECONNECT,

    /** The venue refused the subscription. */
    REFUSED,

    /** The venue was silent too long for the book to be trusted as current. */
    STALL,

    /** A sequence number or update id skipped: an update was lost. */
    SEQUENCE_GAP,

    /** The venue's checksum differs from the book's: an update was lost or corrupted. */
    CHECKSUM_MISMATCH,

    /** The venue's check could not be computed (a pair's precisions unknown, a level finer than them). */
    UNVERIFIABLE,

    /** The snapshot is older than the first update after it: updates between them are missing. */
    STALE_SNAPSHOT,

    /** No usable snapshot could be had in the attempts allowed. */
    SNAPSHOT_FAILED,

    /** A frame could not be read, or lacked what every frame must carry. */
    MALFORMED,

    /** The best bid reached the best ask. */
    CROSSED,

    /** More levels, or more updates waiting for a snapshot, than a book may hold. */
    OVERFLOW,

    /** The venue restarted its numbering (Bybit's {@code u} = 1 in a delta). */
    RESTART,

    /** The source the book is rebuilt from (a Kafka topic) reported the change; the reason is its own. */
    UPSTREAM
}
