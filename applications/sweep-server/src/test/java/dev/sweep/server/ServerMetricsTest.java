package dev.sweep.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.feed.BookStateChange;
import dev.sweep.venue.StateCause;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What the changes of state a feed tells count for in the Prometheus exposition. */
class ServerMetricsTest {

    private static final Instrument BTC_USDT = Instrument.of("BTC-USDT");

    private final ServerMetrics metrics = new ServerMetrics();
    private final Consumer<BookStateChange> states = metrics.stateListener();

    @Test
    void aLostConnectionAndAPlannedReconnectEachCountAsAReconnectAndNothingElse() {
        states.accept(change(BookState.LIVE, BookState.SYNCING, StateCause.DISCONNECT));
        states.accept(change(BookState.SYNCING, BookState.LIVE, StateCause.SNAPSHOT));
        states.accept(change(BookState.LIVE, BookState.LIVE, StateCause.PLANNED_RECONNECT));

        String scrape = metrics.scrape(Map.of());

        assertThat(scrape).contains("sweep_reconnects_total{symbol=\"BTC-USDT\",venue=\"binance\"} 2")
                .contains("sweep_checksum_failures_total{symbol=\"BTC-USDT\",venue=\"binance\"} 0")
                .contains("sweep_sequence_failures_total{symbol=\"BTC-USDT\",venue=\"binance\"} 0");
    }

    @Test
    void answersCountByEndpointAndStatusAndAnEndpointNotYetAnsweredShowsNothing() {
        ServerMetrics.Endpoint sweep = metrics.endpoint("sweep");
        metrics.endpoint("depth");
        long start = System.nanoTime();

        sweep.answered(200, start);
        metrics.endpoint("sweep").answered(200, start);
        sweep.answered(400, start);

        String scrape = metrics.scrape(Map.of());
        assertThat(metrics.endpoint("sweep")).isSameAs(sweep);
        assertThat(scrape).contains("sweep_requests_total{endpoint=\"sweep\",status=\"200\"} 2")
                .contains("sweep_requests_total{endpoint=\"sweep\",status=\"400\"} 1")
                .contains("sweep_request_duration_seconds_count{endpoint=\"sweep\"} 3")
                .doesNotContain("endpoint=\"depth\"");
    }

    private static BookStateChange change(BookState from, BookState to, StateCause cause) {
        return new BookStateChange("binance", BTC_USDT, "BTCUSDT", from, to, cause, cause.name());
    }
}
