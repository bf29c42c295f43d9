package dev.sweep.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.venue.FeedEvents;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueHarness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulator's REST snapshots over loopback, for every venue whose snapshots come over REST: served on the
 * WebSocket's port at the venue's path by the venue's own dialect, and each {@link SnapshotFault} costs a client one
 * more request, after which its book is live and equal to the truth.
 */
@Timeout(60)
class RestSnapshotLoopbackTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(100),
            RestSnapshotContractTest.restOnly());

    static Stream<Named<Venue>> venues() {
        return RestSnapshotContractTest.venues();
    }

    static Stream<Arguments> faults() {
        List<Arguments> faults = new ArrayList<>();
        venues().forEach(venue -> Stream.of(SnapshotFault.values()).forEach(fault ->
                faults.add(Arguments.of(venue, fault))));
        return faults.stream();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @ParameterizedTest
    @MethodSource("venues")
    void theVenuesDialectAnswersAtItsPathOnTheSamePort(Venue venue) throws Exception {
        URI rest = simulator.restEndpoint(venue.name());
        Instrument btc = Instrument.of(VenueHarness.symbol(venue, "BTC"));
        String request = venue.restSnapshots().orElseThrow().request(btc);
        assertThat(rest.getPort()).isEqualTo(simulator.port());

        HttpResponse<String> snapshot = get(URI.create(rest + request));
        HttpResponse<String> unknown = get(URI.create(rest + request.replace(venue.symbol(btc), "PUPSUSD")));
        HttpResponse<String> elsewhere = get(URI.create("http://127.0.0.1:" + simulator.port() + "/nowhere"));
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rest + request))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(snapshot.statusCode()).isEqualTo(200);
        assertThat(snapshot.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(elsewhere.body()).contains(venue.descriptor().simulatorRestPath().orElseThrow() + "/…");
        assertThat(posted.statusCode()).isEqualTo(405);
        assertThat(simulator.snapshotRequests()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("faults")
    void eachFaultCostsOneMoreRequestAndTheBookEndsEqualToTheTruth(Venue venue, SnapshotFault fault)
            throws InterruptedException {
        // Every book moves before the client subscribes: a stale snapshot is then older than its first update.
        simulator.advance(100);
        simulator.injectSnapshot(venue.name(), fault);
        String btc = VenueHarness.symbol(venue, "BTC");
        try (WsClient client = WsClient.connect(simulator.endpoint(venue.name()), venue, btc)) {
            client.subscribe(venue);
            client.await("a live book", WAIT, c -> c.book(btc).state() == BookState.LIVE);

            simulator.pause();
            OrderBook truth = simulator.truth(venue.name(), Instrument.of(btc)).copy();
            if (venue.bookDepth() > 0) {
                truth.truncate(venue.bookDepth()); // the book is kept to the venue's depth: OKX's 400 levels
            }
            client.await("the truth", WAIT, c -> c.bookEquals(btc, truth));
            assertThat(client.events()).filteredOn(FeedEvents.SnapshotWanted.class::isInstance).hasSize(2);
            assertThat(client.events()).doesNotHaveAnyElementsOfTypes(FeedEvents.Broken.class);
            assertThat(simulator.snapshotRequests()).isEqualTo(2);
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
