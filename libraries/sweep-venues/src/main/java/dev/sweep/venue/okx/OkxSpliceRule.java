package dev.sweep.venue.okx;

import dev.sweep.venue.SpliceRule;

/**
 * OKX's rule for splicing {@code GET /api/v5/market/books} into {@code books} updates, for when the channel no longer
 * sends its snapshot (OKX changelog, "delist the initial snapshot"; procedure steps 3-6): an update carries
 * {@code prevSeqId} and {@code seqId}.
 *
 * <ul>
 * <li>Against the snapshot (its {@code seqId}): an update with {@code seqId <= snapSeqId} is already in it (dropped);
 *     the first one left must have {@code prevSeqId <= snapSeqId < seqId}. Its {@code prevSeqId} need not equal the
 *     snapshot's: "not all snapshot seqId will appear" in the stream. A first one left whose {@code prevSeqId} is
 *     above the snapshot's id means the snapshot is older than the stream (OKX: re-fetch when the snapshot's
 *     {@code seqId} is below the recorded {@code prevSeqId}).
 * <li>Against the last update applied: its {@code prevSeqId} must be that update's {@code seqId}, the channel's own
 *     rule, which also admits the message that changes nothing and the lower ids after maintenance; anything else is
 *     a break.
 * </ul>
 */
final class OkxSpliceRule implements SpliceRule {

    @Override
    public Join joins(long snapshotId, long first, long last) {
        return last <= snapshotId ? Join.HELD : first <= snapshotId ? Join.NEXT : Join.GAP;
    }

    @Override
    public Join follows(long appliedId, long first, long last) {
        return first == appliedId ? Join.NEXT : Join.GAP;
    }
}
