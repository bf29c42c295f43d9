package dev.sweep.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.Side;
import dev.sweep.venue.BookReplica;
import dev.sweep.venue.DialectHarness;
import dev.sweep.venue.FeedAdapter;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.Venues;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decoding and applying an update allocates nothing once the connection is warm, on every registered venue, with or
 * without a second listener attached to the books: what {@code DecodeBenchmark} measures, held here as a test. The
 * updates are the venue's own server side's, each a level set within 200 ticks of the mid of a 300-level book.
 */
class DecodeAllocationTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final long MID = 60_000L * 10 * 10_000_000L;
    private static final long TICK = 10_000_000L;
    private static final int UPDATES = 40_000;
    /** The first three quarters warm the connection up (and the JIT): only the last quarter is measured. */
    private static final int WARM_UP = UPDATES * 3 / 4;
    /**
     * A tenth of one allocation per update (16 bytes at the least, 160 KB over the updates measured): room for what
     * happens once (an array growing, objects the JIT puts back on the heap when it deoptimises a method).
     */
    private static final long MOST_BYTES = 16 * 1024;

    static Stream<Arguments> venues() {
        return Venues.all().stream().flatMap(venue -> Stream.of(false, true).map(attach -> Arguments.of(venue, attach)));
    }

    @ParameterizedTest(name = "{0}, second listener: {1}")
    @MethodSource("venues")
    void aWarmConnectionAllocatesNothingPerUpdate(Venue venue, boolean secondListener) {
        DialectHarness server = new DialectHarness(venue, "BTC-USD");
        for (int i = 1; i <= 300; i++) {
            server.truth(BTC_USD).set(Side.BID, MID - i * TICK, 1_000L * i);
            server.truth(BTC_USD).set(Side.ASK, MID + i * TICK, 1_000L * i);
        }
        VenueHarness client = new VenueHarness(venue, "BTC-USD").snapshotsFrom(server);
        VenueBooks books = client.books();
        if (secondListener) {
            books.attach(new BookReplica());
        }
        client.feed(server.connect()).feed(server.subscribe(List.of(BTC_USD)));
        FeedAdapter adapter = client.adapter();
        List<byte[]> updates = updates(server);

        for (int i = 0; i < WARM_UP; i++) {
            feed(adapter, updates.get(i), i);
        }
        long before = allocatedBytes();
        for (int i = WARM_UP; i < updates.size(); i++) {
            feed(adapter, updates.get(i), i);
        }
        long allocated = allocatedBytes() - before;

        assertThat(books.get(0).state()).isEqualTo(BookState.LIVE);
        assertThat(allocated).as("bytes allocated over %d updates", updates.size() - WARM_UP)
                .isLessThan(MOST_BYTES);
    }

    private static List<byte[]> updates(DialectHarness server) {
        SplittableRandom random = new SplittableRandom(11);
        List<byte[]> updates = new ArrayList<>();
        while (updates.size() < UPDATES) {
            Side side = random.nextBoolean() ? Side.BID : Side.ASK;
            long ticks = 1 + random.nextInt(200);
            long price = side == Side.BID ? MID - ticks * TICK : MID + ticks * TICK;
            for (String frame : server.change(BTC_USD, List.of(new Level(side, price, 100L * (1 + random.nextInt(1000)))))) {
                updates.add(bytes(frame));
            }
        }
        return updates;
    }

    private static void feed(FeedAdapter adapter, byte[] frame, long nanos) {
        adapter.onFrame(frame, 0, frame.length, nanos);
    }

    private static byte[] bytes(String frame) {
        return frame.getBytes(StandardCharsets.UTF_8);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
