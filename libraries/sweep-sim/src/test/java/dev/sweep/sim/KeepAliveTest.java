package dev.sweep.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.Side;
import dev.sweep.venue.DialectHarness;
import dev.sweep.venue.FeedEvents;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.Venues;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client keep-alive rules of OKX, Bybit and Crypto.com, as the test venues that copy them enforce them: a client
 * that keeps alive as the feed does stays connected, its book live, long past the venue's deadline; one that does not
 * is dropped at the deadline, and a new connection's book is live again. Time is the harness's, moved a second at a
 * time: minutes pass at once.
 */
class KeepAliveTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final Duration STEP = Duration.ofSeconds(1);

    /** One connection to a venue, subscribed to BTC-USD. */
    private static final class Connection {

        final Venue venue;
        final DialectHarness server;
        final VenueHarness client;
        boolean answers = true;
        int answered;

        Connection(String name) {
            venue = Venues.byName(name).orElseThrow();
            server = new DialectHarness(venue, "BTC-USD");
            server.truth(BTC_USD).set(Side.BID, 60_000L * 100_000_000L, 100_000_000L);
            server.truth(BTC_USD).set(Side.ASK, 60_001L * 100_000_000L, 100_000_000L);
            client = new VenueHarness(venue, "BTC-USD");
            subscribe();
        }

        void subscribe() {
            client.feed(server.connect()).feed(server.subscribe(List.of(BTC_USD)));
        }

        /** Lets the time pass a second at a time, the client reading every frame and answering heartbeat requests. */
        void pass(Duration time) {
            for (Duration passed = Duration.ZERO; passed.compareTo(time) < 0; passed = passed.plus(STEP)) {
                client.feed(server.advance(STEP));
                for (FeedEvents.Event event : client.events().drain()) {
                    if (answers && event instanceof FeedEvents.HeartbeatRequest request) {
                        server.request(venue.heartbeatAnswer(request.id()));
                        answered++;
                    }
                }
            }
        }

        BookState state() {
            return client.book("BTC-USD").state();
        }

        /** A new connection, as the feed makes one after the venue dropped the last. */
        void resync() {
            client.reconnect();
            subscribe();
        }
    }

    @ParameterizedTest(name = "{0}: dropped {1} s after the client last kept it alive")
    @CsvSource({"testtextping, 30, 0", "testjsonping, 600, 0", "testheartbeat, 35, 3"})
    void aClientThatKeepsAliveStaysLiveLongPastTheDeadline(String venue, int deadlineSeconds, int requests) {
        Connection connection = new Connection(venue);

        connection.pass(Duration.ofSeconds(3L * deadlineSeconds));

        assertThat(connection.server.isClosed()).as("closed").isFalse();
        assertThat(connection.state()).isEqualTo(BookState.LIVE);
        assertThat(connection.answered).as("heartbeat requests answered").isEqualTo(requests);
    }

    /** The text and JSON pings' venues drop a quiet connection; the heartbeat's, one that left a request unanswered. */
    @ParameterizedTest(name = "{0}: dropped {1} s after the client last kept it alive")
    @CsvSource({"testtextping, 30", "testjsonping, 600", "testheartbeat, 35"})
    void aClientThatDoesNotKeepAliveIsDroppedAtTheDeadlineAndANewConnectionIsLive(String venue, int deadlineSeconds) {
        Connection connection = new Connection(venue);
        connection.server.withoutPings();
        connection.answers = false;

        connection.pass(Duration.ofSeconds(deadlineSeconds));
        assertThat(connection.server.isClosed()).as("closed at the deadline").isFalse();
        connection.pass(Duration.ofSeconds(1));
        assertThat(connection.server.isClosed()).as("closed after the deadline").isTrue();

        connection.resync();
        assertThat(connection.server.isClosed()).as("the new connection closed").isFalse();
        assertThat(connection.state()).isEqualTo(BookState.LIVE);
    }

    @Test
    void anAnswerWithAnotherIdIsNoAnswer() {
        Connection connection = new Connection("testheartbeat");
        connection.answers = false;
        connection.pass(Duration.ofSeconds(30));

        connection.server.request(connection.venue.heartbeatAnswer(42));
        connection.pass(Duration.ofSeconds(6));

        assertThat(connection.server.isClosed()).as("closed").isTrue();
    }
}
