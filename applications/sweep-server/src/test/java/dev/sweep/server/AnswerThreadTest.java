package dev.sweep.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.feed.BookView;
import dev.sweep.report.render.SweepOutput;
import java.time.Duration;
import java.util.AbstractList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Where requests are computed: on the event loop that serves them, never on the thread that copies the books. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AnswerThreadTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    @Test
    void aRequestThatWaitsForItsCopyIsSweptOnItsEventLoopNotOnTheBooksThread() throws InterruptedException {
        Set<String> readers = ConcurrentHashMap.newKeySet();
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<BookView> views = new ReadersNoted(List.of(BookView.fromFile(book())), readers);
        FeedBooks books = new FeedBooks(SweepOutput.LIVE, List.of(BTC_USD), List.of("kraken"), instrument -> {
            asked.countDown();
            awaitUninterruptibly(release);
            return views;
        });
        // One event loop: a request answered after the sweep has arrived shows that the sweep's handler has returned.
        try (SweepServer server = SweepServer.start(new ServerConfig(ServerConfig.LOOPBACK, 0, Duration.ofMillis(50),
                1), books)) {
            Http http = new Http(server.uri());
            CompletableFuture<Http.Response> sweep = CompletableFuture.supplyAsync(() -> http.get(
                    "/api/v1/sweep?side=sell&qty=1"));
            asked.await();
            assertThat(http.get("/api/v1/nothing").status()).isEqualTo(404);
            release.countDown();

            assertThat(sweep.join().status()).isEqualTo(200);
            assertThat(readers).containsOnly("vert.x-eventloop-thread-0");
        }
    }

    private static OrderBook book() {
        OrderBook book = new OrderBook("kraken", BTC_USD, 1);
        book.set(Side.BID, BTC_USD.parsePrice("100.0"), BTC_USD.parseSize("2"));
        book.set(Side.ASK, BTC_USD.parsePrice("101.0"), BTC_USD.parseSize("2"));
        return book;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A copy of the books that notes the name of each thread reading it. */
    private static final class ReadersNoted extends AbstractList<BookView> {

        private final List<BookView> views;
        private final Set<String> readers;

        ReadersNoted(List<BookView> views, Set<String> readers) {
            this.views = views;
            this.readers = readers;
        }

        @Override
        public BookView get(int index) {
            readers.add(Thread.currentThread().getName());
            return views.get(index);
        }

        @Override
        public int size() {
            readers.add(Thread.currentThread().getName());
            return views.size();
        }
    }
}
