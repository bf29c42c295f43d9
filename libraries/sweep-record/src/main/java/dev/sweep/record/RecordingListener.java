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

    /**
     * A book's snapshot as fetched over REST, where it was handed to the connection's adapter among the frames.
     *
     * @param symbol the book's instrument, in Sweep's spelling ({@code BTC-USD})
     * @param buffer holds the body; reused for the next record, so copy what must be kept
     */
    void onSnapshot(String venue, int connection, long receiveEpochNanos, String symbol, byte[] buffer, int offset,
                    int length);
}
