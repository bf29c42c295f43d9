package dev.sweep.kafka;

import dev.sweep.core.Instrument;
import dev.sweep.feed.FeedManager;
import dev.sweep.feed.FeedSettings;
import dev.sweep.sim.Simulator;
import dev.sweep.venue.Venue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Feeds of some venues of the simulator, published to Kafka as {@code sweep publish --demo} does (for the tests and
 * the benchmark of the flow through Kafka).
 */
public final class SimPublisher implements AutoCloseable {

    private final KafkaEventSink sink;
    private final FeedManager feeds;
    private final BookPublisher publisher;
    private final LongAdder published = new LongAdder();

    public SimPublisher(Simulator simulator, List<Venue> venues, List<Instrument> instruments, KafkaSettings settings)
            throws InterruptedException {
        KafkaTopics.ensure(settings, KafkaStatus.NONE, KafkaTopics.Pause.SLEEP);
        this.sink = new KafkaEventSink(settings, KafkaStatus.NONE);
        EventSink counted = (key, event, length, toSnapshots, lost) -> {
            published.increment();
            sink.publish(key, event, length, toSnapshots, lost);
        };
        this.publisher = new BookPublisher(settings, counted);
        Map<String, java.net.URI> endpoints = venues.stream()
                .collect(Collectors.toMap(Venue::name, venue -> simulator.endpoint(venue.name())));
        this.feeds = new FeedManager(venues, endpoints, instruments, FeedSettings.defaults())
                .attach(publisher::listenerFor);
        feeds.addStateListener(publisher);
        feeds.start();
    }

    /** How many events the publisher wrote so far, of every type. */
    public long eventsPublished() {
        return published.sum();
    }

    /** The publisher, whose clock its events' times read. */
    public BookPublisher publisher() {
        return publisher;
    }

    @Override
    public void close() {
        feeds.close();
        publisher.close();
        sink.close();
    }
}
