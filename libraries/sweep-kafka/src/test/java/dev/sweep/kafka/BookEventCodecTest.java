package dev.sweep.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sweep.core.BookState;
import dev.sweep.core.Side;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class BookEventCodecTest {

    @Property
    void everyEventDecodesToItself(@ForAll("events") BookEvent event) {
        assertThat(BookEventCodec.decode(BookEventCodec.encode(event))).isEqualTo(event);
    }

    @Property
    void everyCutShortEventIsRejected(@ForAll("events") BookEvent event) {
        byte[] bytes = BookEventCodec.encode(event);
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 1);
        assertThatThrownBy(() -> BookEventCodec.decode(cut)).isInstanceOf(BookEventFormatException.class)
                .hasMessageStartingWith("Malformed book event: ");
    }

    @Test
    void aTombstoneIsRejectedAsNoEvent() {
        assertThatThrownBy(() -> BookEventCodec.decode(null)).isInstanceOf(BookEventFormatException.class)
                .hasMessage("Malformed book event: no value (a tombstone), not an event");
    }

    @Test
    void anotherVersionIsRejectedByName() {
        byte[] bytes = BookEventCodec.encode(BookEvents.state("kraken", "BTC-USD", 3, 4, BookState.STALE, "quiet"));
        bytes[0] = 2;
        assertThatThrownBy(() -> BookEventCodec.decode(bytes))
                .hasMessage("Malformed book event: version 2, this reader knows 1");
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] bytes = BookEventCodec.encode(BookEvents.state("kraken", "BTC-USD", 3, 4, BookState.STALE, "quiet"));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> BookEventCodec.decode(longer))
                .hasMessage("Malformed book event: 1 bytes after the event");
    }

    @Provide
    Arbitrary<BookEvent> events() {
        Arbitrary<LevelChange> level = Combinators.combine(Arbitraries.of(Side.class),
                Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.longs().between(0, Long.MAX_VALUE))
                .as(LevelChange::new);
        Arbitrary<List<LevelChange>> levels = level.list().ofMaxSize(40);
        Arbitrary<String> names = Arbitraries.strings().ofMaxLength(20);
        Arbitrary<Long> longs = Arbitraries.longs();
        Arbitrary<BookEvent> books = Combinators.combine(Arbitraries.of(BookEvent.Type.SNAPSHOT,
                BookEvent.Type.DELTA), names, names, longs, longs, longs, longs, levels)
                .as((type, venue, symbol, epoch, seq, venueSeq, nanos, changes) -> new BookEvent(type, venue, symbol,
                        epoch, seq, venueSeq, nanos, nanos ^ seq, 8, 10, changes, BookState.LIVE, "", epoch ^ seq));
        Arbitrary<BookEvent> states = Combinators.combine(names, longs, longs, Arbitraries.of(BookState.class), names)
                .as((venue, epoch, seq, state, reason) -> BookEvents.state(venue, "ETH-USD", epoch, seq, state,
                        reason));
        return Arbitraries.oneOf(books, states);
    }
}
