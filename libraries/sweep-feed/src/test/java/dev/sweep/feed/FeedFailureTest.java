package dev.sweep.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venues;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Venues that cannot deliver a book are told apart at once from venues that are still syncing: a refused
 * subscription is REJECTED with the venue's own words, a host that does not resolve or refuses connections is
 * UNREACHABLE, and waiting for books ends as soon as no venue can still become live.
 */
@Timeout(60)
class FeedFailureTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final Duration LONG_WAIT = Duration.ofSeconds(30);
    /** Far below {@link #LONG_WAIT}, far above what the failures take on a loaded machine. */
    private static final Duration AT_ONCE = Duration.ofSeconds(10);
    private static final FeedSettings QUICK_RETRIES = FeedSettings.defaults()
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));

    @Test
    void aSymbolEveryVenueRefusesIsRejectedWithTheVenuesReasonWithoutWaiting() throws InterruptedException {
        Instrument unknown = Instrument.of("DOGE-USD");
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults());
             FeedManager feeds = new FeedManager(Venues.all(), FeedManagerTest.endpoints(simulator), List.of(unknown),
                     QUICK_RETRIES).start()) {
            long start = System.nanoTime();
            List<BookView> views = feeds.awaitLive(unknown, LONG_WAIT, ignored -> { });

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
            assertThat(views).extracting(BookView::state).containsOnly(BookState.REJECTED);
            assertThat(views).extracting(BookView::lastProblem).containsExactly(
                    "venue error: Currency pair not supported DOGE/USD",
                    "venue error: Failed to subscribe: unknown product id DOGE-USD",
                    "venue error: InvalidSymbol");
        }
    }

    @Test
    void hostsThatDoNotResolveOrRefuseConnectionsAreUnreachableWithoutWaiting() throws Exception {
        int closedPort = closedPort();
        Map<String, URI> endpoints = Map.of(
                "kraken", URI.create("ws://nosuchhost.invalid/kraken/v2"),
                "coinbase", URI.create("ws://127.0.0.1:" + closedPort + "/coinbase"),
                "gemini", URI.create("ws://nosuchhost.invalid/gemini/v2/marketdata"));
        try (FeedManager feeds = new FeedManager(Venues.all(), endpoints, List.of(BTC_USD), QUICK_RETRIES).start()) {
            long start = System.nanoTime();
            List<BookView> views = feeds.awaitLive(BTC_USD, LONG_WAIT, ignored -> { });

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
            assertThat(views).extracting(BookView::state).containsOnly(BookState.UNREACHABLE);
            assertThat(views).extracting(BookView::lastProblem).containsExactly(
                    "cannot connect: unknown host nosuchhost.invalid",
                    "cannot connect: Connection refused (127.0.0.1:" + closedPort + ")",
                    "cannot connect: unknown host nosuchhost.invalid");
        }
    }

    @Test
    void theWaitEndsWhenTheOthersAreLiveAndOneIsUnreachable() throws Exception {
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults())) {
            Map<String, URI> endpoints = new java.util.HashMap<>(FeedManagerTest.endpoints(simulator));
            endpoints.put("gemini", URI.create("ws://nosuchhost.invalid/gemini/v2/marketdata"));
            try (FeedManager feeds = new FeedManager(Venues.all(), endpoints, List.of(BTC_USD), QUICK_RETRIES)
                    .start()) {
                long start = System.nanoTime();
                List<BookView> views = feeds.awaitLive(BTC_USD, LONG_WAIT, ignored -> { });

                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
                assertThat(views).extracting(BookView::state)
                        .containsExactly(BookState.LIVE, BookState.LIVE, BookState.UNREACHABLE);
            }
        }
    }

    @Test
    void anUnreachableVenueIsRetriedAndItsBookGoesLiveWhenItComesUp() throws Exception {
        int port = closedPort();
        Map<String, URI> endpoints = Map.of("kraken", URI.create("ws://127.0.0.1:" + port + "/kraken/v2"));
        try (FeedManager feeds = new FeedManager(List.of(Venues.byName("kraken").orElseThrow()), endpoints,
                List.of(BTC_USD), QUICK_RETRIES).start()) {
            assertThat(feeds.awaitLive(BTC_USD, LONG_WAIT, ignored -> { })).extracting(BookView::state)
                    .containsExactly(BookState.UNREACHABLE);

            try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withPort(port))) {
                long deadline = System.nanoTime() + LONG_WAIT.toNanos();
                while (!feeds.views(BTC_USD).get(0).isLive()) {
                    assertThat(System.nanoTime()).as("live again: " + feeds.views(BTC_USD)).isLessThan(deadline);
                    TimeUnit.MILLISECONDS.sleep(20);
                }
            }
        }
    }

    /** A loopback port nothing listens on: connecting to it is refused at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
