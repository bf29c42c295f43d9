package dev.sweep.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.sim.SimulatorConfig.TlsIdentity;
import dev.sweep.sim.SnapshotFault;
import dev.sweep.venue.SnapshotSplice;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.Venues;
import dev.sweep.venue.binance.BinanceVenue;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The feed of a venue whose snapshots come over REST (Binance, asking for a book's snapshot every 250 ms rather than
 * every 5 s, so that five attempts take a second), against the simulator on loopback: the snapshot is fetched and
 * spliced into the diffs, each fault of the REST side costs one more request and no resync, a snapshot that never
 * comes breaks the book with the last reason and a resync recovers, retries keep to the venue's interval, and HTTPS is
 * verified as the WebSockets are.
 */
@Timeout(90)
class RestSnapshotFeedTest {

    private static final Venue VENUE = new BinanceVenue(Duration.ofMillis(250));
    private static final Instrument BTC_USDT = Instrument.of("BTC-USDT");
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Quick reconnects, and a snapshot given up on after a second: sooner than the simulator's slow answer. */
    private static final FeedSettings QUICK = FeedSettings.defaults().withBackoff(Duration.ofMillis(50),
            Duration.ofMillis(500)).withConnectTimeout(Duration.ofSeconds(1));

    @TempDir
    Path folder;

    @Test
    void aBookSplicedFromARestSnapshotFollowsTheTruth() throws InterruptedException {
        try (Simulator simulator = simulator(SimulatorConfig.defaults());
             FeedManager feeds = feeds(simulator, QUICK)) {
            await(feeds, "live", BookView::isLive);
            long updates = view(feeds).updates();
            await(feeds, "updates", view -> view.updates() > updates + 20);

            assertEventuallyTrue(simulator, feeds);
            assertThat(simulator.snapshotRequests()).isEqualTo(1);
            assertThat(view(feeds).resyncs()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(SnapshotFault.class)
    void eachRestFaultCostsOneMoreRequestAndNoResync(SnapshotFault fault) throws InterruptedException {
        try (Simulator simulator = simulator(SimulatorConfig.defaults())) {
            simulator.injectSnapshot(VENUE.name(), fault);
            try (FeedManager feeds = feeds(simulator, QUICK)) {
                await(feeds, "live", BookView::isLive);

                assertEventuallyTrue(simulator, feeds);
                assertThat(simulator.snapshotRequests()).isEqualTo(2);
                assertThat(view(feeds).resyncs()).isZero();
            }
        }
    }

    @Test
    void aSnapshotThatNeverComesBreaksTheBookWithTheLastReasonAndAResyncRecovers() throws InterruptedException {
        try (Simulator simulator = simulator(SimulatorConfig.defaults())) {
            for (int attempt = 0; attempt < SnapshotSplice.MAX_ATTEMPTS; attempt++) {
                simulator.injectSnapshot(VENUE.name(), SnapshotFault.SERVER_ERROR);
            }
            try (FeedManager feeds = feeds(simulator, QUICK)) {
                await(feeds, "the book broken", view -> view.lastProblem() != null);
                assertThat(view(feeds).lastProblem()).isEqualTo("BTCUSDT: no usable snapshot in 5 attempts: HTTP 503"
                        + " Service Unavailable: {\"error\":\"simulated outage\"}");

                await(feeds, "live again", BookView::isLive);
                assertEventuallyTrue(simulator, feeds);
            }
        }
    }

    @Test
    void retriesKeepToTheVenuesIntervalEvenAcrossResyncs() throws InterruptedException {
        Duration interval = VENUE.restSnapshots().orElseThrow().minInterval();
        try (Simulator simulator = simulator(SimulatorConfig.defaults())) {
            for (int i = 0; i < 100; i++) {
                simulator.injectSnapshot(VENUE.name(), SnapshotFault.SERVER_ERROR);
            }
            Duration watched = Duration.ofMillis(1500);
            try (FeedManager feeds = feeds(simulator, QUICK)) {
                TimeUnit.MILLISECONDS.sleep(watched.toMillis());

                assertThat(simulator.snapshotRequests()).as("requests in " + watched)
                        .isBetween(1L, 1 + watched.toMillis() / interval.toMillis());
                assertThat(view(feeds).isLive()).isFalse();
            }
        }
    }

    @Test
    void snapshotsOverHttpsAreVerifiedAsTheWebSocketsAre() throws Exception {
        Path venue = TlsTest.keyStore(folder, "ip:127.0.0.1,dns:localhost");
        Path elsewhere = TlsTest.keyStore(folder, "dns:exchange.example");
        Path both = trusting(venue, elsewhere);
        try (Simulator simulator = simulator(SimulatorConfig.defaults().withTls(new TlsIdentity(venue,
                TlsTest.PASSWORD)));
             Simulator other = simulator(SimulatorConfig.defaults().withTls(new TlsIdentity(elsewhere,
                     TlsTest.PASSWORD)))) {
            assertThat(simulator.restEndpoint(VENUE.name()).getScheme()).isEqualTo("https");
            try (FeedManager trusted = feeds(simulator, QUICK.withTrustStore(venue, TlsTest.PASSWORD))) {
                await(trusted, "live over https", BookView::isLive);
            }
            try (FeedManager otherHost = feeds(simulator.endpoint(VENUE.name()), other.restEndpoint(VENUE.name()),
                    QUICK.withTrustStore(both, TlsTest.PASSWORD))) {
                await(otherHost, "the book broken", view -> view.lastProblem() != null);
                assertThat(view(otherHost).lastProblem()).startsWith("BTCUSDT: no usable snapshot in 5 attempts: ")
                        .containsIgnoringCase("subject alternative");
            }
            try (FeedManager untrusted = feeds(simulator.endpoint(VENUE.name()), other.restEndpoint(VENUE.name()),
                    QUICK.withTrustStore(venue, TlsTest.PASSWORD))) {
                await(untrusted, "the book broken", view -> view.lastProblem() != null);
                assertThat(view(untrusted).lastProblem()).startsWith("BTCUSDT: no usable snapshot in 5 attempts: ");
            }
            assertThat(other.snapshotRequests()).as("requests that got through TLS to the other host").isZero();
        }
    }

    @Test
    void aRestEndpointIsForAVenueWhoseSnapshotsComeOverRestAndIsHttp() {
        Venue kraken = Venues.byName("kraken").orElseThrow();
        URI rest = URI.create("https://127.0.0.1:1/x");

        assertThatThrownBy(() -> new FeedManager(List.of(kraken), Map.of(), Map.of("kraken", rest),
                List.of(BTC_USDT), QUICK, FrameTap.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kraken takes no REST endpoint: its WebSocket sends its snapshots");
        assertThatThrownBy(() -> new FeedManager(List.of(VENUE), Map.of(), Map.of(VENUE.name(),
                URI.create("ws://127.0.0.1:1/x")), List.of(BTC_USDT), QUICK, FrameTap.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("binance REST endpoint must be http:// or https://: ws://127.0.0.1:1/x");
    }

    /** The simulator serving Binance alone, its books moved a little so that a stale snapshot is older. */
    private static Simulator simulator(SimulatorConfig config) {
        Simulator simulator = Simulator.start(config.withRate(100), List.of(VENUE));
        simulator.advance(30);
        return simulator;
    }

    private static FeedManager feeds(Simulator simulator, FeedSettings settings) {
        return feeds(simulator.endpoint(VENUE.name()), simulator.restEndpoint(VENUE.name()), settings);
    }

    private static FeedManager feeds(URI webSocket, URI rest, FeedSettings settings) {
        return new FeedManager(List.of(VENUE), Map.of(VENUE.name(), webSocket), Map.of(VENUE.name(), rest),
                List.of(BTC_USDT), settings, FrameTap.NONE).start();
    }

    private static BookView view(FeedManager feeds) {
        return feeds.views(BTC_USDT).get(0);
    }

    private static void await(FeedManager feeds, String what, Predicate<BookView> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.test(view(feeds))) {
            assertThat(System.nanoTime()).as(what + ": " + view(feeds)).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static void assertEventuallyTrue(Simulator simulator, FeedManager feeds) throws InterruptedException {
        simulator.pause();
        OrderBook truth = simulator.truth(VENUE.name(), BTC_USDT);
        await(feeds, "the truth", view -> view.isLive() && VenueHarness.sameLevels(view.book(), truth));
    }

    /** A trust store holding the certificates of both key stores. */
    private Path trusting(Path first, Path second) throws Exception {
        KeyStore trust = load(first);
        trust.setCertificateEntry("second", load(second).getCertificate("sim"));
        Path store = folder.resolve("both.p12");
        try (OutputStream out = Files.newOutputStream(store)) {
            trust.store(out, TlsTest.PASSWORD.toCharArray());
        }
        return store;
    }

    private static KeyStore load(Path path) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, TlsTest.PASSWORD.toCharArray());
        }
        return store;
    }
}
