package dev.sweep.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.feed.BookView;
import dev.sweep.report.render.SweepOutput;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How often books are copied for requests: again once a copy is too old if they change, once if they never do. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BookSnapshotsTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final List<BookView> VIEWS = List.of(BookView.fromFile(new OrderBook("kraken", BTC_USD, 1)));

    @Test
    void booksThatNeverChangeAreTakenOnceAndAreAtHandForEveryRequest() {
        Counted source = new Counted(true);
        try (BookSnapshots snapshots = new BookSnapshots(source, Duration.ZERO)) {
            CompletableFuture<List<BookView>> first = snapshots.views(BTC_USD);
            CompletableFuture<List<BookView>> second = snapshots.views(BTC_USD);

            assertThat(first.isDone()).as("taken when asked").isEqualTo(true);
            assertThat(second.getNow(null)).isSameAs(VIEWS);
            assertThat(source.taken.get()).as("copies taken").isEqualTo(1);
        }
    }

    @Test
    void booksThatChangeAreCopiedAgainOnceTheLastCopyIsTooOld() {
        Counted source = new Counted(false);
        try (BookSnapshots snapshots = new BookSnapshots(source, Duration.ZERO)) {
            snapshots.views(BTC_USD).join();
            snapshots.views(BTC_USD).join();

            assertThat(source.taken.get()).as("copies taken").isEqualTo(2);
        }
    }

    /** One book, counting the copies taken of it. */
    private static final class Counted implements BookSource {

        private final boolean fixed;
        private final AtomicInteger taken = new AtomicInteger();

        Counted(boolean fixed) {
            this.fixed = fixed;
        }

        @Override
        public String kind() {
            return fixed ? SweepOutput.FILE : SweepOutput.LIVE;
        }

        @Override
        public List<Instrument> instruments() {
            return List.of(BTC_USD);
        }

        @Override
        public List<String> venues() {
            return List.of("kraken");
        }

        @Override
        public List<BookView> views(Instrument instrument) {
            taken.incrementAndGet();
            return VIEWS;
        }

        @Override
        public boolean fixed() {
            return fixed;
        }
    }
}
