package dev.sweep.sim;

import static dev.sweep.venue.VenueHarness.sides;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.sweep.core.BookSide;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.BookReplica;
import dev.sweep.venue.DialectHarness;
import dev.sweep.venue.FeedEvents;
import dev.sweep.venue.LevelArbitraries;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.Venues;
import dev.sweep.venue.server.UpdateFault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered venue passes, whatever its protocol, run over {@link Venues#all()}: a venue joins it
 * by being registered. Its request encoder, its server-side dialect and its feed adapter agree, with no network in
 * between (a {@link DialectHarness} plays the venue, a {@link VenueHarness} the client): books arrive and follow
 * random updates exactly; each breach its integrity family can see breaks the book, and a resync ends equal to the
 * truth; no input makes the adapter throw or leaves a corrupted book live; a quiet venue speaks before the client
 * would call it silent; errors are valid JSON whatever the request held. {@link VenueLoopbackContractTest} runs the
 * same venues through the simulator over WebSockets.
 */
class VenueContractTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final long SATOSHI = 100;

    /** A breach of a book's integrity, as the client sees it. */
    enum Breach { LOST_UPDATE, BAD_CHECK, MALFORMED_FRAME }

    /** The two ends of one connection, for BTC-USD. */
    private record Connection(DialectHarness server, VenueHarness client) {

        /**
         * A connection whose BTC-USD book was subscribed to with these levels, with {@code attached} listening to its
         * books besides the live ones.
         */
        static Connection live(Venue venue, List<Level> levels, BookListener... attached) {
            DialectHarness server = new DialectHarness(venue, "BTC-USD", "ETH-USD");
            LevelArbitraries.set(server.truth(BTC_USD), levels);
            Connection connection = new Connection(server, new VenueHarness(venue, "BTC-USD").snapshotsFrom(server));
            for (BookListener listener : attached) {
                connection.client().books().attach(listener);
            }
            connection.subscribe();
            return connection;
        }

        void subscribe() {
            client.feed(server.connect()).feed(server.subscribe(List.of(BTC_USD)));
        }

        /** A new connection, as a feed resyncs: every book waits for a fresh snapshot. */
        void resync() {
            client.reconnect();
            subscribe();
        }

        void change(List<Level> changes) {
            client.feed(server.change(BTC_USD, changes));
        }

        VenueBook book() {
            return client.book("BTC-USD");
        }

        /** What the client must hold: the truth, cut to the depth the venue sends. */
        OrderBook visibleTruth() {
            return LevelArbitraries.visible(server.truth(BTC_USD), server.venue().bookDepth());
        }

        List<FeedEvents.Event> events() {
            return client.events().events();
        }
    }

    static Stream<Named<Venue>> venues() {
        return Venues.all().stream().map(venue -> Named.of(venue.name(), venue));
    }

    /** Every venue with every breach its integrity family can see; a malformed frame, every venue can. */
    static Stream<Arguments> breaches() {
        List<Arguments> breaches = new ArrayList<>();
        for (Venue venue : Venues.all()) {
            if (venue.descriptor().integrity().detectsLoss()) {
                breaches.add(Arguments.of(Named.of(venue.name(), venue), Breach.LOST_UPDATE));
            }
            if (venue.carriesChecksum()) {
                breaches.add(Arguments.of(Named.of(venue.name(), venue), Breach.BAD_CHECK));
            }
            breaches.add(Arguments.of(Named.of(venue.name(), venue), Breach.MALFORMED_FRAME));
        }
        return breaches.stream();
    }

    @Property(tries = 200)
    void aSubscriptionDeliversTheTruth(@ForAll("registered") Venue venue, @ForAll("books") List<Level> levels) {
        Connection connection = Connection.live(venue, levels);

        assertThat(connection.book().state()).isEqualTo(BookState.LIVE);
        assertThat(sides(connection.book().book())).isEqualTo(sides(connection.visibleTruth()));
        assertThat(connection.events()).doesNotHaveAnyElementsOfTypes(FeedEvents.Rejected.class,
                FeedEvents.Broken.class, FeedEvents.VenueError.class);
    }

    @Property(tries = 200)
    void randomUpdateStreamsEndEqualToTheTruth(
            @ForAll("registered") Venue venue, @ForAll("books") List<Level> levels,
            @ForAll @Size(max = 30) List<@Size(min = 1, max = 6) List<@From("changes") Level>> updates) {
        Connection connection = Connection.live(venue, levels);

        for (List<Level> changes : updates) {
            connection.change(changes);

            assertThat(connection.book().state()).isEqualTo(BookState.LIVE);
            assertThat(sides(connection.book().book())).isEqualTo(sides(connection.visibleTruth()));
        }
        assertThat(connection.events()).doesNotHaveAnyElementsOfTypes(FeedEvents.Rejected.class,
                FeedEvents.Broken.class);
    }

    @Property(tries = 200)
    void aSecondListenerRebuildsTheBookFromItsEventsAlone(
            @ForAll("registered") Venue venue, @ForAll("books") List<Level> levels,
            @ForAll @Size(max = 30) List<@Size(min = 1, max = 6) List<@From("changes") Level>> updates) {
        BookReplica replica = new BookReplica();
        Connection connection = Connection.live(venue, levels, replica);

        for (List<Level> changes : updates) {
            connection.change(changes);
        }

        assertThat(sides(replica.book(BTC_USD))).isEqualTo(sides(connection.visibleTruth()))
                .isEqualTo(sides(connection.book().book()));
        assertThat(replica.applied()).isEqualTo(connection.book().updates());
    }

    @Property(tries = 500)
    void arbitraryBytesNeverThrowAndNeverCorruptALiveBook(@ForAll("registered") Venue venue,
                                                          @ForAll("books") List<Level> levels,
                                                          @ForAll @Size(max = 300) byte[] garbage) {
        Connection connection = Connection.live(venue, levels);
        List<List<String>> before = sides(connection.book().book());

        connection.client().feed(garbage);

        if (connection.book().state() == BookState.LIVE) {
            assertThat(sides(connection.book().book())).isEqualTo(before);
        }
    }

    @Property(tries = 1000)
    void mutatedUpdatesAreAppliedWholeOrRejected(
            @ForAll("registered") Venue venue, @ForAll("books") List<Level> levels,
            @ForAll @Size(min = 1, max = 6) List<@From("changes") Level> changes,
            @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll byte replacement,
            @ForAll @IntRange(min = 0, max = 2) int kind) {
        Connection connection = Connection.live(venue, levels);

        for (String frame : connection.server().change(BTC_USD, changes)) {
            byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
            connection.client().feed(VenueHarness.mutate(bytes, position % bytes.length, replacement, kind));
        }

        if (connection.book().state() == BookState.LIVE) {
            assertWellFormed(connection.book().book());
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("breaches")
    void everyBreachItsFamilySeesBreaksTheBookAndAResyncEndsEqualToTheTruth(Venue venue, Breach breach) {
        Connection connection = Connection.live(venue, twentyLevelsASide());
        connection.client().events().drain();

        switch (breach) {
            case LOST_UPDATE -> {
                // After an update: a loss in the first update after a REST snapshot cannot be told from a snapshot
                // older than that update, which is fetched again rather than breaking the book.
                connection.change(List.of(resizedBest(connection, Side.ASK)));
                connection.server().failNext(UpdateFault.LOST);
                connection.change(List.of(resizedBest(connection, Side.BID)));
                connection.change(List.of(resizedBest(connection, Side.ASK)));
            }
            case BAD_CHECK -> {
                connection.server().failNext(UpdateFault.BAD_CHECK);
                connection.change(List.of(resizedBest(connection, Side.BID)));
            }
            case MALFORMED_FRAME -> connection.client().feed("{\"type\":\"update\",\"data\":[{\"pri");
        }
        assertThat(connection.book().state()).isEqualTo(BookState.BROKEN);
        assertThat(connection.events()).hasAtLeastOneElementOfType(FeedEvents.Broken.class);

        connection.change(List.of(resizedBest(connection, Side.BID)));
        connection.resync();
        connection.change(List.of(resizedBest(connection, Side.ASK)));

        assertThat(connection.book().state()).isEqualTo(BookState.LIVE);
        assertThat(sides(connection.book().book())).isEqualTo(sides(connection.visibleTruth()));
    }

    @ParameterizedTest
    @MethodSource("venues")
    void aNewConnectionAfterARestartEndsEqualToTheTruth(Venue venue) {
        Connection connection = Connection.live(venue, twentyLevelsASide());
        connection.change(List.of(resizedBest(connection, Side.BID)));

        connection.server().connect(); // the venue restarts: the client's connection is gone, the market moves on
        connection.server().change(BTC_USD, List.of(resizedBest(connection, Side.ASK)));
        connection.resync();

        assertThat(connection.book().state()).isEqualTo(BookState.LIVE);
        assertThat(sides(connection.book().book())).isEqualTo(sides(connection.visibleTruth()));
    }

    /** The dialect's heartbeats come more often than the silence its descriptor lets a client tolerate. */
    @ParameterizedTest
    @MethodSource("venues")
    void aQuietVenueSpeaksBeforeTheClientWouldCallItSilent(Venue venue) {
        Connection connection = Connection.live(venue, twentyLevelsASide());
        connection.client().events().drain();

        Duration step = Duration.ofMillis(100);
        for (Duration quiet = step; quiet.compareTo(venue.silenceTimeout()) < 0; quiet = quiet.plus(step)) {
            connection.client().feed(connection.server().advance(step));
        }

        assertThat(connection.events()).contains(new FeedEvents.Heartbeat());
        assertThat(connection.server().isClosed()).isFalse();
    }

    /**
     * Requests holding what a careless writer would copy into its answer unescaped (a quote and a backslash in a
     * symbol, a malformed unicode escape) get error frames that are valid JSON, read by the venue's own adapter as
     * the venue's errors.
     */
    @ParameterizedTest
    @MethodSource("venues")
    void errorsAnsweringHostileRequestsAreValidJson(Venue venue) throws Exception {
        DialectHarness server = new DialectHarness(venue, "BTC-USD");
        VenueHarness client = new VenueHarness(venue, "BTC-USD");
        client.feed(server.connect()).events().drain();
        List<String> subscribe = venue.subscribeMessages(List.of(BTC_USD));
        String request = subscribe.get(subscribe.size() - 1);
        // The symbol wherever it stands in its string, in any case: it may be part of a topic (Bybit's
        // orderbook.200.BTCUSDT) or written in lower case in a stream's name (Binance's btcusdt@depth@100ms).
        Matcher symbol = Pattern.compile(Pattern.quote(venue.symbol(BTC_USD)), Pattern.CASE_INSENSITIVE)
                .matcher(request);

        List<String> answers = new ArrayList<>(server.request(symbol.replaceAll(Matcher.quoteReplacement(
                "PU\\\"\\\\PS"))));
        answers.addAll(server.request(symbol.replaceAll(Matcher.quoteReplacement("BTC\\uZZZZ"))));

        ObjectMapper json = new ObjectMapper();
        for (String answer : answers) {
            assertThat(json.readTree(answer).getNodeType()).as(answer).isEqualTo(JsonNodeType.OBJECT);
        }
        client.feed(answers);
        assertThat(client.events().events()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(event -> assertThat(event).isInstanceOf(FeedEvents.VenueError.class));
    }

    /** The best level of a side, resized: a change at the top of the book, where every integrity check looks. */
    private static Level resizedBest(Connection connection, Side side) {
        BookSide levels = connection.server().truth(BTC_USD).side(side);
        return new Level(side, levels.price(0), levels.size(0) + SATOSHI);
    }

    private static List<Level> twentyLevelsASide() {
        List<Level> levels = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            levels.add(new Level(Side.BID, (60_000L * 10 - i) * 10_000_000L, i * 1_000 * SATOSHI));
            levels.add(new Level(Side.ASK, (60_000L * 10 + i) * 10_000_000L, i * 2_000 * SATOSHI));
        }
        return levels;
    }

    private static void assertWellFormed(OrderBook book) {
        assertThat(book.isCrossed()).as("crossed").isFalse();
        for (Side side : Side.values()) {
            BookSide levels = book.side(side);
            for (int i = 0; i < levels.depth(); i++) {
                assertThat(levels.size(i)).isPositive();
                assertThat(levels.price(i)).isPositive();
                if (i > 0) {
                    assertThat(side.isBetter(levels.price(i - 1), levels.price(i))).as("sorted best first").isTrue();
                }
            }
        }
    }

    @Provide
    Arbitrary<Venue> registered() {
        return Arbitraries.of(Venues.all());
    }

    @Provide
    Arbitrary<List<Level>> books() {
        return LevelArbitraries.books();
    }

    @Provide
    Arbitrary<Level> changes() {
        return LevelArbitraries.changes();
    }
}
