package dev.sweep.bench;

import dev.sweep.core.Instrument;
import dev.sweep.core.Side;
import dev.sweep.venue.FeedListener;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.Venues;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Heap taken by live books: 3 venues × 100 instruments × 1,000 levels a side, each with its connection's adapter
 * (decoder state, staging batch), measured as the heap in use after a full GC, before and after building them.
 *
 * <p>Run from the repository root: {@code java -cp tests/sweep-bench/target/benchmarks.jar
 * dev.sweep.bench.MemoryFootprint}.
 */
public final class MemoryFootprint {

    private static final int INSTRUMENTS = 100;
    private static final int LEVELS = 1000;

    private MemoryFootprint() {
    }

    public static void main(String[] args) {
        System.out.println(measure());
    }

    static String measure() {
        long before = usedAfterGc();
        List<Object> keep = new ArrayList<>();
        List<Instrument> instruments = new ArrayList<>();
        for (int i = 0; i < INSTRUMENTS; i++) {
            instruments.add(Instrument.of("C" + i + "-USD"));
        }
        for (Venue venue : Venues.all()) {
            VenueBooks books = venue.newBooks(instruments, new DecodeBenchmark.FailureCounter());
            keep.add(venue.newAdapter(books));
            for (int b = 0; b < books.size(); b++) {
                VenueBook book = books.get(b);
                for (int level = 1; level <= LEVELS; level++) {
                    book.book().set(Side.BID, 1_000_000_000_000L - level * 1_000_000L, level * 100L);
                    book.book().set(Side.ASK, 1_000_000_000_000L + level * 1_000_000L, level * 100L);
                }
            }
            keep.add(books);
        }
        long after = usedAfterGc();
        return String.format(Locale.ROOT, "%d venues × %d instruments × %d levels a side: %.1f MB of heap (%d objects"
                        + " kept)", Venues.all().size(), INSTRUMENTS, LEVELS, (after - before) / 1e6, keep.size());
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
