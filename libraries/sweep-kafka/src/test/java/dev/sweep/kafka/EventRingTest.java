package dev.sweep.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ring between the feeds and the sender: events come out whole and in order, around the end of its buffer. */
class EventRingTest {

    private final EventRing ring = new EventRing(4, 100);
    private final EventRing.Taker taker = (key, bytes, offset, length, toSnapshots, lost) -> { };

    @Test
    void anEventThatDoesNotFitAtTheEndOfTheBufferGoesToItsStartOnceTheOldestLeft() throws InterruptedException {
        assertThat(ring.offer("a", filled(40, 1), 40, false, () -> { })).isTrue();
        assertThat(ring.offer("b", filled(40, 2), 40, false, () -> { })).isTrue();
        // 20 bytes are left at the end and none at the start: full for 40.
        assertThat(ring.offer("c", filled(40, 3), 40, false, () -> { })).isFalse();

        assertThat(ring.take(0, taker)).isTrue();
        assertThat(ring.offer("c", filled(40, 3), 40, true, () -> { })).isTrue();
        List<byte[]> events = new ArrayList<>();
        while (ring.take(0, (key, bytes, offset, length, toSnapshots, lost) ->
                events.add(Arrays.copyOfRange(bytes, offset, offset + length)))) {
            // Taken.
        }

        assertThat(events).containsExactly(filled(40, 2), filled(40, 3));
        assertThat(ring.take(0, taker)).isFalse();
    }

    @Test
    void moreEventsThanItsSlotsAreRefused() {
        for (int i = 0; i < 4; i++) {
            assertThat(ring.offer("k", filled(1, i), 1, false, () -> { })).isTrue();
        }

        assertThat(ring.offer("k", filled(1, 9), 1, false, () -> { })).isFalse();
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
