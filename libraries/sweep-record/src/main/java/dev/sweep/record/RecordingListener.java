package dev.sweep.record;

import java.util.List;

/** What a {@link RecordingReader} delivers, in recorded order. */
public interface RecordingListener {

    /** The instruments a venue's following frames are about. */
    void onSubscription(String venue, List<String> symbols);

    /**
     * One frame as received.
     *
     * @param buffer holds the frame; reused for the next record, so copy what must be kept
     */
    void onFrame(String venue, int connection, long receiveEpochNanos, byte[] buffer, int offset, int length);
}
