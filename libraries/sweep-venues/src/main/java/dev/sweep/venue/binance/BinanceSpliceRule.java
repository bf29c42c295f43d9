package dev.sweep.venue.binance;

import dev.sweep.venue.SpliceRule;

/**
 * Binance's rule for the update ids of its diff depth stream (web-socket-streams.md, "How to manage a local order
 * book correctly", rewritten 2024-12-16, worded 2025-11-12): an event covers the ids {@code U} to {@code u}.
 *
 * <ul>
 * <li>Against a snapshot: an event with {@code u <= lastUpdateId} is already in it (dropped); the first one left must
 *     hold the change right after the snapshot ({@code U <= lastUpdateId + 1}), else the snapshot is older than the
 *     stream and is fetched again. The docs' step 3 refetches when {@code lastUpdateId < U} of the first buffered
 *     event, which also refuses a snapshot that joins exactly ({@code lastUpdateId == U - 1}); their own update
 *     procedure applies such an event, so this rule does too.
 * <li>Against the last event applied (id {@code u'}): {@code u <= u'} is already applied (dropped; the docs say
 *     {@code u < u'}, and re-applying absolute quantities would change nothing); {@code U > u' + 1} is a gap (the
 *     book resyncs); anything else is applied. That is the docs' test, not the stricter {@code U == u' + 1} of the
 *     issue: an event whose range overlaps the last one ({@code U <= u' < u}) is applied whole, which is right because
 *     its quantities are the levels' totals as of {@code u}, so the changes it repeats are set to what they already
 *     are. Refusing it would resync a book that is whole. Normally {@code U == u' + 1} holds anyway.
 * </ul>
 */
final class BinanceSpliceRule implements SpliceRule {

    @Override
    public Join joins(long snapshotId, long first, long last) {
        return last <= snapshotId ? Join.HELD : first <= snapshotId + 1 ? Join.NEXT : Join.GAP;
    }

    @Override
    public Join follows(long appliedId, long first, long last) {
        // The same test: the docs' update procedure applies to the first event after the snapshot and to every later one.
        return joins(appliedId, first, last);
    }
}
