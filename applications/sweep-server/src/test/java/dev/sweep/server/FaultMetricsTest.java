package dev.sweep.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.feed.FeedManager;
import dev.sweep.feed.FeedSettings;
import dev.sweep.report.render.SweepOutput;
import dev.sweep.sim.Fault;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code /metrics} over real HTTP while the simulator injects faults into the feeds behind the server: each fault
 * raises the counters of its venue's book by exactly what it costs, and no other.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FaultMetricsTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final List<String> VENUES = List.of("coinbase", "kraken", "gemini");
    private static final List<String> COUNTERS = List.of("sweep_checksum_failures_total",
            "sweep_sequence_failures_total", "sweep_reconnects_total", "sweep_book_resyncs_total");
    /** A sample of the text format: the name, the labels in the order the client writes them, the value. */
    private static final Pattern SAMPLE =
            Pattern.compile("(?m)^(\\w+)\\{symbol=\"BTC-USD\",venue=\"(\\w+)\"} (\\S+)$");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Simulator simulator = Simulator.start(SimulatorConfig.defaults());
    private final ServerMetrics metrics = new ServerMetrics();
    private final FeedManager feeds = feeds();
    private final SweepServer server = SweepServer.start(ServerConfig.on(ServerConfig.LOOPBACK, 0),
            new FeedBooks(SweepOutput.DEMO, List.of(BTC_USD), VENUES, feeds::views), metrics);
    private final Http http = new Http(server.uri());

    @AfterEach
    void stop() {
        server.close();
        feeds.close();
        simulator.close();
    }

    @Test
    void eachFaultRaisesItsVenuesCountersByWhatItCosts() throws InterruptedException {
        awaitAllLive();
        Map<String, Double> before = counters();
        assertThat(before).as("every counter of every book shows from the start").hasSize(12);

        simulator.inject("coinbase", Fault.GAP);
        simulator.inject("kraken", Fault.CHECKSUM);
        simulator.inject("gemini", Fault.DROP);

        Map<String, Double> expected = new TreeMap<>(before);
        raise(expected, "coinbase sweep_sequence_failures_total", "coinbase sweep_reconnects_total",
                "coinbase sweep_book_resyncs_total");
        raise(expected, "kraken sweep_checksum_failures_total", "kraken sweep_reconnects_total",
                "kraken sweep_book_resyncs_total");
        raise(expected, "gemini sweep_reconnects_total");
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, Double> after = counters();
        while (!(after.equals(expected) && allLive()) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
            after = counters();
        }
        assertThat(allLive()).as("every book live again").isEqualTo(true);
        assertThat(after).isEqualTo(expected);
    }

    private FeedManager feeds() {
        List<Venue> venues = VENUES.stream().map(name -> Venues.byName(name).orElseThrow()).toList();
        FeedManager manager = new FeedManager(venues, venues.stream().collect(Collectors.toMap(Venue::name,
                venue -> simulator.endpoint(venue.name()))), List.of(BTC_USD),
                FeedSettings.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)),
                metrics.frameTap());
        manager.addStateListener(metrics.stateListener());
        return manager.start();
    }

    private static void raise(Map<String, Double> counters, String... keys) {
        for (String key : keys) {
            counters.merge(key, 1.0, Double::sum);
        }
    }

    /** The counters of the books, keyed by venue and name, as /metrics shows them. */
    private Map<String, Double> counters() {
        Http.Response response = http.get("/metrics");
        assertThat(response.status()).isEqualTo(200);
        Map<String, Double> counters = new TreeMap<>();
        Matcher sample = SAMPLE.matcher(response.body());
        while (sample.find()) {
            if (COUNTERS.contains(sample.group(1))) {
                counters.put(sample.group(2) + " " + sample.group(1), Double.parseDouble(sample.group(3)));
            }
        }
        return counters;
    }

    private boolean allLive() {
        return http.get("/api/v1/health").json().at("/status").asText().equals("ok");
    }

    private void awaitAllLive() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!allLive()) {
            assertThat(System.nanoTime()).as("every book live").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
