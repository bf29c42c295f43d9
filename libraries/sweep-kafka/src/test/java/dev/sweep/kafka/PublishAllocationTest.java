package dev.sweep.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.core.Side;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.FeedListener;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.Venues;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Publishing a venue frame's changes allocates nothing on the feed's thread once it is warm: from the book listener
 * through the event's encoding into the sink's ring, up to the bytes the sender thread copies for Kafka (taken here
 * by the test, as the sender would). What {@code KafkaCodecBenchmark.publishDelta} measures, held as a test, in the
 * style of {@code DecodeAllocationTest}.
 */
class PublishAllocationTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final long MID = 60_000L * 100_000_000L;
    private static final long TICK = 10_000_000L;
    private static final int UPDATES = 40_000;
    /** The first three quarters warm the ring's slots up (and the JIT): only the last quarter is measured. */
    private static final int WARM_UP = UPDATES * 3 / 4;
    /** As DecodeAllocationTest: room for what happens once, far below one allocation per update. */
    private static final long MOST_BYTES = 16 * 1024;

    @Test
    void aWarmPublisherAllocatesNothingPerUpdate() throws InterruptedException {
        // Snapshots every 1,000 events as by default, but never by time: the test's pace must not change the count.
        KafkaSettings settings = KafkaSettings.of("127.0.0.1:9").withSnapshots(1_000, Duration.ofDays(1))
                .withHeartbeatInterval(Duration.ofDays(1));
        EventRing ring = new EventRing(1_024, 1024 * 1024);
        long[] taken = new long[1];
        EventRing.Taker taker = (key, bytes, offset, length, toSnapshots, lost) -> taken[0] += length;
        BookPublisher publisher = new BookPublisher(settings,
                (key, event, length, toSnapshots, lost) -> ring.offer(key, event, length, toSnapshots, lost),
                System::nanoTime);
        VenueBook book = new VenueBooks(Venues.byName("kraken").orElseThrow(), List.of(BTC_USD), 0,
                new FeedListener() { }).get(0);
        BookListener listener = publisher.listenerFor(Venues.byName("kraken").orElseThrow());
        listener.onSnapshot(book);
        for (int i = 1; i <= 300; i++) {
            listener.onLevel(book, Side.BID, MID - i * TICK, 1_000L * i);
            listener.onLevel(book, Side.ASK, MID + i * TICK, 1_000L * i);
        }
        listener.onApplied(book, System.nanoTime(), 0, BookListener.NONE);
        drain(ring, taker);

        for (int i = 0; i < WARM_UP; i++) {
            update(listener, book, ring, taker, i);
        }
        long before = allocatedBytes();
        for (int i = WARM_UP; i < UPDATES; i++) {
            update(listener, book, ring, taker, i);
        }
        long allocated = allocatedBytes() - before;

        assertThat(taken[0]).isPositive();
        assertThat(allocated).as("bytes allocated over %d updates", UPDATES - WARM_UP).isLessThan(MOST_BYTES);
    }

    /** Three levels within 200 ticks of the mid, as a venue frame would change them. */
    private static void update(BookListener listener, VenueBook book, EventRing ring, EventRing.Taker taker, int i)
            throws InterruptedException {
        long offset = (i * 7_919L) % 200 + 1;
        listener.onLevel(book, Side.BID, MID - offset * TICK, (i % 50) * 1_000L);
        listener.onLevel(book, Side.ASK, MID + offset * TICK, (i % 70 + 1) * 1_000L);
        listener.onLevel(book, Side.BID, MID - (offset + 1) * TICK, 5_000L);
        listener.onApplied(book, System.nanoTime(), i, BookListener.NONE);
        drain(ring, taker);
    }

    private static void drain(EventRing ring, EventRing.Taker taker) throws InterruptedException {
        while (ring.take(0, taker)) {
            // Taken.
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
