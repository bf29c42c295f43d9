package dev.sweep.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.Side;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The events a publisher writes for one book, on a clock of the test's. */
class BookStreamTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * SECOND;

    private final List<BookEvent> sent = new ArrayList<>();
    private final KafkaSettings settings = KafkaSettings.of("localhost:9092")
            .withHeartbeatInterval(Duration.ofSeconds(5));
    private long now = T0;
    private final BookStream stream = new BookStream("kraken", BTC_USD, settings,
            (key, event, length, toSnapshots, lost) -> sent.add(BookEventCodec.decode(Arrays.copyOf(event, length))),
            () -> now, () -> 42);

    @Test
    void aQuietBookRepeatsItsStateOnceEveryHeartbeatInterval() {
        stream.onSnapshot();
        stream.onLevel(Side.BID, 100, 5);
        stream.onApplied(T0, BookEvent.NONE, BookEvent.NONE);
        stream.onState(BookState.LIVE, "1 bids, 0 asks");

        stream.heartbeat(T0 + 4 * SECOND, settings.heartbeatInterval().toNanos());
        stream.heartbeat(T0 + 5 * SECOND, settings.heartbeatInterval().toNanos());
        stream.heartbeat(T0 + 9 * SECOND, settings.heartbeatInterval().toNanos());
        stream.heartbeat(T0 + 10 * SECOND, settings.heartbeatInterval().toNanos());

        assertThat(sent).extracting(BookEvent::type, BookEvent::seq, BookEvent::state, BookEvent::reason,
                BookEvent::receiveNanos).containsExactly(
                        tuple(BookEvent.Type.SNAPSHOT, 1L, BookState.LIVE, "", T0),
                        tuple(BookEvent.Type.STATE, 2L, BookState.LIVE, "1 bids, 0 asks", T0),
                        tuple(BookEvent.Type.STATE, 3L, BookState.LIVE, "1 bids, 0 asks", T0 + 5 * SECOND),
                        tuple(BookEvent.Type.STATE, 4L, BookState.LIVE, "1 bids, 0 asks", T0 + 10 * SECOND));
    }

    @Test
    void aBookWithEventsSendsNoHeartbeat() {
        stream.onSnapshot();
        stream.onLevel(Side.BID, 100, 5);
        stream.onApplied(T0, BookEvent.NONE, BookEvent.NONE);
        stream.onLevel(Side.BID, 100, 6);
        stream.onApplied(T0 + 4 * SECOND, BookEvent.NONE, BookEvent.NONE);

        stream.heartbeat(T0 + 8 * SECOND, settings.heartbeatInterval().toNanos());

        assertThat(sent).extracting(BookEvent::type).containsExactly(BookEvent.Type.SNAPSHOT, BookEvent.Type.DELTA);
    }
}
