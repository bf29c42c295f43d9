package dev.sweep.venue;

/**
 * A venue's rule for where an update stands against a book's snapshot or its last applied update, by the ids the
 * venue puts on them: what a {@link SnapshotSplice} asks before it applies, drops or refuses an update. An update
 * carries two ids, {@code first} and {@code last}, as the venue means them: Binance's {@code U} and {@code u} (the
 * range of changes it holds), OKX's {@code prevSeqId} and {@code seqId}, or Bitstamp's previous and own
 * {@code microtimestamp}.
 */
public interface SpliceRule {

    /** Where an update stands. */
    enum Join {
        /** Everything in it is already in the book: drop it. */
        HELD,
        /** It continues the book: apply it. */
        NEXT,
        /** Something between the book and it is missing. */
        GAP
    }

    /**
     * Where an update stands against a snapshot not yet followed by any update. {@link Join#GAP} means the snapshot
     * is stale: older than the updates the WebSocket delivered.
     */
    Join joins(long snapshotId, long first, long last);

    /** Where an update stands against the last update applied, whose {@code last} id was {@code appliedId}. */
    Join follows(long appliedId, long first, long last);
}
