package dev.sweep.venue.testrange;

import dev.sweep.venue.SpliceRule;

/**
 * Binance's rule for its update ids (web-socket-streams.md, "How to manage a local order book correctly"): an update
 * the book already holds ({@code u} at or below its id) is dropped; the first one after a snapshot must hold the change
 * right after it ({@code U <= lastUpdateId + 1 <= u}); every later one must start right after the last one applied
 * ({@code U == u + 1}).
 */
final class IdRangeRule implements SpliceRule {

    @Override
    public Join joins(long snapshotId, long first, long last) {
        return last <= snapshotId ? Join.HELD : first <= snapshotId + 1 ? Join.NEXT : Join.GAP;
    }

    @Override
    public Join follows(long appliedId, long first, long last) {
        return last <= appliedId ? Join.HELD : first == appliedId + 1 ? Join.NEXT : Join.GAP;
    }
}
