package dev.sweep.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Damaged recordings: arbitrary bytes, and real recordings with bytes flipped or cut. Opening fails with a reason, or
 * reading stops with a reason; replay rejects what it cannot use with a reason. Nothing else escapes.
 */
class RecordingFuzzTest {

    @Property(tries = 1000)
    void arbitraryBytesAreRefusedWithAReason(@ForAll @Size(max = 500) byte[] bytes) throws IOException {
        assertSurvives(bytes);
    }

    @Property(tries = 1000)
    void damagedRecordingsStopWithAReason(@ForAll @IntRange(min = 0, max = 1_000_000) int position,
                                          @ForAll byte value, @ForAll @IntRange(min = 0, max = 1) int cut,
                                          @ForAll RecordingFormat format) throws IOException {
        byte[] recording = recording(format);
        int at = position % recording.length;
        byte[] damaged = cut == 1 ? java.util.Arrays.copyOf(recording, at) : recording.clone();
        if (cut == 0) {
            damaged[at] = value;
        }
        assertSurvives(damaged);
    }

    private static void assertSurvives(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz", ".swr");
        try {
            Files.write(file, bytes);
            RecordingReader reader;
            try {
                reader = RecordingReader.open(file);
            } catch (IOException e) {
                assertThat(e.getMessage()).contains("is not a Sweep recording");
                return;
            }
            try (reader) {
                Replay replay = new Replay();
                boolean more = true;
                while (more) {
                    try {
                        more = reader.next(replay);
                    } catch (IllegalArgumentException e) {
                        assertThat(e.getMessage()).isNotBlank();
                        return;
                    }
                }
                if (reader.problem() != null) {
                    assertThat(reader.problem()).matches("(truncated|damaged) after frame " + reader.frames() + " \\(.+\\)");
                }
            }
        } finally {
            Files.delete(file);
        }
    }

    private static final Map<RecordingFormat, byte[]> CACHED = new EnumMap<>(RecordingFormat.class);

    /** A small valid recording of this version: Kraken's subscription, a heartbeat, a status frame, a book snapshot. */
    private static synchronized byte[] recording(RecordingFormat format) throws IOException {
        byte[] cached = CACHED.get(format);
        if (cached == null) {
            Path file = Files.createTempFile("valid", ".swr");
            try (RecordingWriter writer = RecordingWriter.create(file, format)) {
                writer.subscription("kraken", List.of("BTC-USD"));
                for (String frame : List.of("{\"channel\":\"heartbeat\"}",
                        "{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"system\":\"online\"}]}",
                        "{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":"
                                + "[{\"price\":45283.5,\"qty\":0.1}],\"asks\":[],\"checksum\":1}]}")) {
                    byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
                    writer.frame("kraken", 1, 0, bytes, 0, bytes.length);
                }
            }
            cached = Files.readAllBytes(file);
            CACHED.put(format, cached);
            Files.delete(file);
        }
        return cached;
    }
}
