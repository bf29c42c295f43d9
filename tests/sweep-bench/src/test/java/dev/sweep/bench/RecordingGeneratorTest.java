package dev.sweep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.record.RecordingFormat;
import dev.sweep.record.RecordingReader;
import dev.sweep.record.Replay;
import dev.sweep.venue.VenueBook;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the replay benchmark replays, checked without timing it: a Kraken recording that stays live throughout. */
class RecordingGeneratorTest {

    @TempDir
    Path folder;

    /** Past the end of the first cycle of updates, so that the cycle is seen to start again on a sound book. */
    @Test
    void aGeneratedRecordingReplaysEveryFrameToALiveBookInEitherVersion() throws IOException {
        RecordingGenerator generator = new RecordingGenerator();
        for (RecordingFormat format : RecordingFormat.values()) {
            Path file = folder.resolve(format.name() + ".swr");
            generator.write(file, format, 40_000);

            Replay replay = new Replay();
            try (RecordingReader reader = RecordingReader.open(file)) {
                assertThat(reader.format()).isEqualTo(format);
                while (reader.next(replay)) {
                    assertThat(replay.rejected()).isZero();
                }
                assertThat(reader.problem()).isNull();
            }
            assertThat(replay.frames()).isEqualTo(40_000);
            assertThat(replay.broken()).isZero();
            VenueBook book = replay.books(UpdateStream.BTC_USD).get(0);
            assertThat(book.book().venue()).isEqualTo("kraken");
            assertThat(book.state()).isEqualTo(BookState.LIVE);
            assertThat(book.book().bids().depth()).isBetween(990, 1000);
        }
    }
}
