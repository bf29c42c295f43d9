package dev.sweep.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.core.Side;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.FeedListener;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.Venues;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A publisher's events on their way to a real KRaft broker in this JVM, through its close. */
@ExtendWith(SharedBroker.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KafkaEventSinkTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static Broker broker;

    @BeforeAll
    static void shareBroker(Broker shared) {
        broker = shared;
    }

    @Test
    void aClosedPublisherLeavesTheLastSnapshotOfEveryBookOnTheSnapshotsTopic() throws Exception {
        // A SNAPSHOT after every second event, never by time: each book's last event is a SNAPSHOT.
        KafkaSettings settings = KafkaSettings.of(broker.bootstrap()).withTopicPrefix("close")
                .withSnapshots(2, Duration.ofDays(1)).withHeartbeatInterval(Duration.ofDays(1));
        KafkaTopics.ensure(settings, KafkaStatus.NONE, KafkaTopics.Pause.SLEEP);
        List<Venue> venues = Venues.listing(BTC_USD);
        try (KafkaEventSink sink = new KafkaEventSink(settings, KafkaStatus.NONE)) {
            BookPublisher publisher = new BookPublisher(settings, sink, System::nanoTime);
            for (Venue venue : venues) {
                publishThreeFrames(publisher.listenerFor(venue), venue);
            }
        }

        Map<String, BookEvent> lastSnapshots = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : Topics.read(broker.bootstrap(), settings.eventsTopic())) {
            BookEvent event = BookEventCodec.decode(record.value());
            if (event.type() == BookEvent.Type.SNAPSHOT) {
                lastSnapshots.put(record.key(), event.at(record.offset()));
            }
        }
        Map<String, BookEvent> copies = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : Topics.read(broker.bootstrap(), settings.snapshotsTopic())) {
            copies.put(record.key(), BookEventCodec.decode(record.value()));
        }
        assertThat(lastSnapshots).hasSize(venues.size()).allSatisfy((key, snapshot) ->
                assertThat(snapshot.seq()).as(key).isEqualTo(4));
        assertThat(copies).isEqualTo(lastSnapshots);
    }

    /** A snapshot, then two updates: the events SNAPSHOT 1, DELTA 2, DELTA 3 and SNAPSHOT 4. */
    private static void publishThreeFrames(BookListener listener, Venue venue) {
        VenueBook book = new VenueBooks(venue, List.of(BTC_USD), 0, new FeedListener() { }).get(0);
        listener.onSnapshot(book);
        listener.onLevel(book, Side.BID, 100, 5);
        listener.onLevel(book, Side.ASK, 101, 6);
        listener.onApplied(book, System.nanoTime(), BookListener.NONE, BookListener.NONE);
        listener.onLevel(book, Side.BID, 99, 1);
        listener.onApplied(book, System.nanoTime(), BookListener.NONE, BookListener.NONE);
        listener.onLevel(book, Side.BID, 100, 0);
        listener.onApplied(book, System.nanoTime(), BookListener.NONE, BookListener.NONE);
    }
}
