package dev.sweep.server;

import dev.sweep.core.Instrument;
import dev.sweep.feed.BookView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Copies of the books for requests, taken on a thread of their own and shared: a request gets the last copy if it
 * is at most {@code maxAge} old, else the copy being taken, else a new one. However many requests arrive, the feeds
 * are asked for at most one copy per instrument per {@code maxAge}, and neither a feed's thread nor a thread serving
 * requests ever waits for the other. Books that never change ({@link BookSource#fixed()}) are taken once, here.
 */
final class BookSnapshots implements AutoCloseable {

    private final BookSource source;
    private final long maxAgeNanos;
    private final ExecutorService copier = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "sweep-books");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Instrument, Latest> latest = new ConcurrentHashMap<>();
    /** The views of books that never change, by instrument; empty for books that do. */
    private final Map<Instrument, CompletableFuture<List<BookView>>> fixed;

    BookSnapshots(BookSource source, Duration maxAge) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
        this.fixed = source.fixed() ? source.followed().stream().collect(Collectors.toUnmodifiableMap(
                instrument -> instrument, instrument -> CompletableFuture.completedFuture(source.views(instrument))))
                : Map.of();
    }

    /** Copies of every venue's book of the instrument, at most {@code maxAge} older than this call. */
    CompletableFuture<List<BookView>> views(Instrument instrument) {
        CompletableFuture<List<BookView>> views = fixed.get(instrument);
        return views != null ? views : latest.computeIfAbsent(instrument, Latest::new).fresh();
    }

    @Override
    public void close() {
        copier.shutdownNow();
    }

    /** The last copy of one instrument's books, or the one being taken. */
    private final class Latest {

        private final Instrument instrument;
        private CompletableFuture<List<BookView>> copy;
        private long askedNanos;

        Latest(Instrument instrument) {
            this.instrument = instrument;
        }

        synchronized CompletableFuture<List<BookView>> fresh() {
            long now = System.nanoTime();
            boolean usable = copy != null && (!copy.isDone()
                    || !copy.isCompletedExceptionally() && now - askedNanos <= maxAgeNanos);
            if (!usable) {
                askedNanos = now;
                copy = CompletableFuture.supplyAsync(() -> source.views(instrument), copier);
            }
            return copy;
        }
    }
}
