package dev.sweep.kafka;

/**
 * The events on their way from the feeds' threads to the one thread that hands them to Kafka: their bytes in one
 * circular buffer allocated once, beside a bounded ring of slots that say where each is, so that {@link #offer}
 * allocates nothing, however large an event (a SNAPSHOT) and however long the run. Any number of threads offer; one
 * thread takes.
 */
final class EventRing {

    /** What takes an event: it may read the bytes only until it returns, as they are reused after. */
    @FunctionalInterface
    interface Taker {
        void take(String key, byte[] bytes, int offset, int length, boolean toSnapshots, Runnable lost);
    }

    private final byte[] bytes;
    private final String[] keys;
    private final long[] starts;
    private final int[] lengths;
    private final boolean[] toSnapshots;
    private final Runnable[] losts;
    /** The next slot to fill and the next to take, counted from the start: the ring's index is the count's rest. */
    private long head;
    private long tail;
    /**
     * Where the next event's bytes go and where the oldest event's begin, counted from the start as the slots are:
     * the bytes between are in use (with the end of the buffer an event did not fit in, skipped).
     */
    private long writePosition;
    private long readPosition;

    /**
     * @param events most events waiting
     * @param bytes  most bytes of the events waiting, and so the largest event
     */
    EventRing(int events, int bytes) {
        this.bytes = new byte[bytes];
        keys = new String[events];
        starts = new long[events];
        lengths = new int[events];
        toSnapshots = new boolean[events];
        losts = new Runnable[events];
    }

    /** Copies an event into the ring, unless it is full. */
    synchronized boolean offer(String key, byte[] event, int length, boolean snapshot, Runnable lost) {
        if (head - tail == keys.length) {
            return false;
        }
        long start = writePosition;
        int offset = (int) (start % bytes.length);
        if (offset + length > bytes.length) {
            // Not at the end of the buffer: at its start, the end skipped.
            start += bytes.length - offset;
            offset = 0;
        }
        if (start + length - readPosition > bytes.length) {
            return false;
        }
        System.arraycopy(event, 0, bytes, offset, length);
        int slot = (int) (head % keys.length);
        keys[slot] = key;
        starts[slot] = start;
        lengths[slot] = length;
        toSnapshots[slot] = snapshot;
        losts[slot] = lost;
        writePosition = start + length;
        head++;
        notifyAll();
        return true;
    }

    /**
     * Hands the oldest event to the taker, waiting for one at most the time given (0: not at all).
     *
     * @return false when none came
     */
    boolean take(long waitMillis, Taker taker) throws InterruptedException {
        int slot;
        synchronized (this) {
            if (head == tail && waitMillis > 0) {
                wait(waitMillis);
            }
            if (head == tail) {
                return false;
            }
            slot = (int) (tail % keys.length);
        }
        // Only this thread takes, and no offer writes the slot or its bytes before they are released below.
        taker.take(keys[slot], bytes, (int) (starts[slot] % bytes.length), lengths[slot], toSnapshots[slot],
                losts[slot]);
        synchronized (this) {
            readPosition = starts[slot] + lengths[slot];
            keys[slot] = null;
            losts[slot] = null;
            tail++;
        }
        return true;
    }
}
