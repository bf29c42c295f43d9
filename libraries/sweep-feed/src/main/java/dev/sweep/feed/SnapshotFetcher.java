package dev.sweep.feed;

import dev.sweep.venue.FeedAdapter;
import dev.sweep.venue.RestSnapshots;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBook;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the snapshots one venue's adapter asks for over REST ({@link dev.sweep.venue.FeedListener#onSnapshotWanted})
 * and hands each answer back to the adapter that asked, on the connection's loop, unless the connection was replaced
 * or closed meanwhile. It never asks faster than the venue allows: a book's requests are at least the venue's
 * {@linkplain RestSnapshots#minInterval() interval} apart, across connections; a retry waits the feed's backoff for
 * its attempt; and after a {@code Retry-After} no request goes out before it has passed.
 */
final class SnapshotFetcher {

    private static final Logger FEED = LoggerFactory.getLogger("sweep.feed");

    private final Venue venue;
    private final Optional<URI> endpoint;
    private final FeedSettings settings;
    private final EventLoop loop;
    private final SslContext ssl;
    /** When each book's last request went out ({@link System#nanoTime()}), by book index; 0 before the first. */
    private long[] lastRequestNanos = new long[4];
    /** No request before this time ({@link System#nanoTime()}): the venue said when to come back; 0 for none. */
    private long notBeforeNanos;
    /** Counts the cancellations: a request made before the last one is dropped. */
    private int cancellations;

    /**
     * @param endpoint the venue's REST endpoint (the production one, or the one given instead); empty for a venue
     *                 whose snapshots come over its WebSocket, whose adapter never asks
     * @param ssl      the feeds' TLS, for {@code https}
     */
    SnapshotFetcher(Venue venue, Optional<URI> endpoint, FeedSettings settings, EventLoop loop, SslContext ssl) {
        this.venue = venue;
        this.endpoint = endpoint;
        this.settings = settings;
        this.loop = loop;
        this.ssl = ssl;
    }

    /**
     * Forgets every request made so far: none still waiting is sent, and no answer still coming is delivered. For a
     * new connection, whose adapter asks again, and for a closed one.
     */
    void cancelPending() {
        cancellations++;
    }

    /**
     * Fetches the book's snapshot for {@code adapter}, on the loop, after whatever wait the attempt and the venue's
     * limits call for.
     */
    void fetch(FeedAdapter adapter, VenueBook book, int attempt, String reason) {
        int asker = cancellations;
        if (endpoint.isEmpty() || venue.restSnapshots().isEmpty()) {
            loop.execute(() -> adapter.onSnapshotFailed(book, venue.name() + " has no REST endpoint"));
            return;
        }
        RestSnapshots rest = venue.restSnapshots().get();
        URI uri = URI.create(endpoint.get().toString().replaceAll("/+$", "") + rest.request(book.instrument()));
        long now = System.nanoTime();
        long delay = attempt == 0 ? 0 : TimeUnit.MILLISECONDS.toNanos(settings.backoffMillis(attempt - 1));
        long last = lastRequest(book.index());
        if (last != 0) {
            delay = Math.max(delay, last + rest.minInterval().toNanos() - now);
        }
        if (notBeforeNanos != 0) {
            delay = Math.max(delay, notBeforeNanos - now);
        }
        if (attempt == 0) {
            FEED.info("{} {}: fetching the snapshot from {}", venue.name(), book.venueSymbol(), uri);
        } else {
            FEED.warn("{} {}: fetching the snapshot again in {} ms (attempt {}): {}", venue.name(),
                    book.venueSymbol(), TimeUnit.NANOSECONDS.toMillis(delay), attempt + 1, reason);
        }
        loop.schedule(() -> {
            if (asker != cancellations) {
                return;
            }
            lastRequestNanos[book.index()] = System.nanoTime();
            HttpGet.get(uri, loop, ssl, settings, new HttpGet.Callback() {
                @Override
                public void onBody(byte[] body) {
                    if (asker == cancellations) {
                        adapter.onSnapshot(book, body, 0, body.length, settings.clock().getAsLong());
                    }
                }

                @Override
                public void onFailure(String failure, Duration retryAfter) {
                    if (!retryAfter.isZero()) {
                        notBeforeNanos = System.nanoTime() + retryAfter.toNanos();
                    }
                    if (asker == cancellations) {
                        adapter.onSnapshotFailed(book, failure);
                    }
                }
            });
        }, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }

    private long lastRequest(int book) {
        if (book >= lastRequestNanos.length) {
            lastRequestNanos = Arrays.copyOf(lastRequestNanos, Math.max(book + 1, lastRequestNanos.length * 2));
        }
        return lastRequestNanos[book];
    }
}
