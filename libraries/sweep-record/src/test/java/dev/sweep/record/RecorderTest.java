package dev.sweep.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sweep.record.RecordingTest.Collected;
import dev.sweep.record.RecordingTest.Frame;
import dev.sweep.venue.Venues;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder's own thread: frames are handed over without waiting for the output, the first write error or a
 * queue the output cannot keep up with stops the recording with its reason, and the file stays readable.
 */
@Timeout(30)
class RecorderTest {

    /** The venues recorded, each from a thread of its own as feeds do. */
    private static final List<String> VENUES = Venues.names();

    private static final long QUEUE_BYTES = 64 * 1024;

    @TempDir
    Path folder;

    @Test
    void framesFromSeveralThreadsAreRecordedEachInItsOrder() throws Exception {
        Path file = folder.resolve("threads.swr");
        Recorder recorder = new Recorder(RecordingWriter.create(file), Recorder.DEFAULT_QUEUE_BYTES);
        for (String venue : VENUES) {
            recorder.subscription(venue, List.of("BTC-USD"));
        }
        List<Thread> feeds = new ArrayList<>();
        for (String venue : VENUES) {
            feeds.add(new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    byte[] frame = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
                    recorder.frame(venue, 1, i, frame, 0, frame.length);
                }
            }));
        }
        feeds.forEach(Thread::start);
        for (Thread feed : feeds) {
            feed.join();
        }
        recorder.close();

        Collected collected = read(file);
        assertThat(collected.subscriptions).containsExactlyElementsOf(VENUES.stream().map(venue -> venue + "[BTC-USD]")
                .toList());
        assertThat(recorder.frames()).isEqualTo(5_000L * VENUES.size());
        for (String venue : VENUES) {
            assertThat(collected.frames.stream().filter(frame -> frame.venue().equals(venue))
                    .map(frame -> new String(frame.bytes(), StandardCharsets.US_ASCII)).toList())
                    .containsExactlyElementsOf(numbers(5_000));
        }
    }

    @Test
    void framesAreFlushedToTheFileWhileTheFeedIsQuiet() throws Exception {
        Path file = folder.resolve("quiet.swr");
        try (Recorder recorder = new Recorder(RecordingWriter.create(file), Recorder.DEFAULT_QUEUE_BYTES)) {
            recorder.subscription(VENUES.get(0), List.of("BTC-USD"));
            byte[] frame = "{\"channel\":\"heartbeat\"}".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 3; i++) {
                recorder.frame(VENUES.get(0), 1, i, frame, 0, frame.length);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            int readable = 0;
            while (readable < 3 && System.nanoTime() < deadline) {
                TimeUnit.NANOSECONDS.sleep(RecordingWriter.FLUSH_NANOS / 4);
                readable = readWhatIsThere(file).frames.size();
            }
            assertThat(readable).as("frames readable while the recording is open and no frame follows").isEqualTo(3);
        }
    }

    @Test
    void aWriteErrorStopsTheRecordingAtOnceWithItsReasonAndTheFileStaysReadable() throws Exception {
        Path file = folder.resolve("full.swr");
        // Room for a few of the blocks flushed every 200 ms: LZ4 leaves these frames larger than GZIP did.
        Recorder recorder = new Recorder(RecordingWriter.create(new FullAfter(Files.newOutputStream(file), 200_000)),
                Recorder.DEFAULT_QUEUE_BYTES);
        recorder.subscription(VENUES.get(0), List.of("BTC-USD"));
        List<byte[]> sent = new ArrayList<>();
        long started = System.nanoTime();
        while (recorder.failure() == null) {
            TimeUnit.MILLISECONDS.sleep(10);
            for (int i = 0; i < 100; i++) {
                long seq = sent.size();
                byte[] frame = ("{\"seq\":" + seq + ",\"noise\":\"" + Long.toHexString(seq * 0x9E3779B97F4A7C15L)
                        + "\"}").getBytes(StandardCharsets.UTF_8);
                recorder.frame(VENUES.get(0), 1, seq, frame, 0, frame.length);
                sent.add(frame);
            }
        }
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("seconds to notice").isLessThan(5);
        assertThat(recorder.failure()).isEqualTo("No space left on device");
        byte[] late = "late".getBytes(StandardCharsets.US_ASCII);
        recorder.frame(VENUES.get(0), 1, 0, late, 0, late.length);
        assertThatThrownBy(recorder::close).isInstanceOf(IOException.class).hasMessage("No space left on device");

        Collected collected = readWhatIsThere(file);
        assertThat(collected.frames).isNotEmpty();
        for (int i = 0; i < collected.frames.size(); i++) {
            assertThat(collected.frames.get(i).bytes()).isEqualTo(sent.get(i));
        }
    }

    @Test
    void aStalledOutputNeverBlocksTheFeedAndAnOverflowStopsTheRecordingWithAnError() throws Exception {
        Path file = folder.resolve("stalled.swr");
        Stalled stalled = new Stalled(Files.newOutputStream(file));
        Recorder recorder = new Recorder(RecordingWriter.create(stalled), QUEUE_BYTES);
        recorder.subscription(VENUES.get(0), List.of("BTC-USD"));
        // Random bytes do not compress: the writer reaches the stalled output after a few buffers.
        byte[] frame = new byte[1000];
        Random random = new Random(7);
        int offered = 0;
        // The output is stalled from the first flush on: the feed must still get through every call at once.
        while (recorder.failure() == null && offered < 10_000) {
            random.nextBytes(frame);
            recorder.frame(VENUES.get(0), 1, offered, frame, 0, frame.length);
            offered++;
        }
        assertThat(recorder.failure()).isEqualTo("the disk did not keep up: 64 KB of frames were waiting");
        assertThat(offered).isLessThan(10_000);

        stalled.release();
        assertThatThrownBy(recorder::close).isInstanceOf(IOException.class)
                .hasMessage("the disk did not keep up: 64 KB of frames were waiting");
        Collected collected = new Collected();
        try (RecordingReader reader = RecordingReader.open(file)) {
            while (reader.next(collected)) {
                // collected by the listener
            }
            assertThat(reader.problem()).as("the frames before the overflow are all in a complete file").isNull();
        }
        assertThat((long) collected.frames.size()).isEqualTo(recorder.frames()).isGreaterThan(0)
                .isLessThan(offered);
        assertThat(collected.frames).extracting(Frame::nanos).startsWith(0L, 1L, 2L);
    }

    private static List<String> numbers(int count) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(Integer.toString(i));
        }
        return numbers;
    }

    private static Collected read(Path file) throws IOException {
        Collected collected = new Collected();
        try (RecordingReader reader = RecordingReader.open(file)) {
            while (reader.next(collected)) {
                // collected by the listener
            }
            assertThat(reader.problem()).isNull();
        }
        return collected;
    }

    /** Reads a recording that may still be written, or cut short, up to its last complete frame. */
    private static Collected readWhatIsThere(Path file) throws IOException {
        Collected collected = new Collected();
        try (RecordingReader reader = RecordingReader.open(file)) {
            while (reader.next(collected)) {
                // collected by the listener
            }
        } catch (IOException e) {
            // Nothing flushed yet: no header.
        }
        return collected;
    }

    /** A disk that fills up: writes fail once {@code capacity} bytes are written, as ENOSPC does. */
    private static final class FullAfter extends FilterOutputStream {

        private long room;

        FullAfter(OutputStream file, long capacity) {
            super(file);
            this.room = capacity;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length > room) {
                out.write(bytes, offset, (int) room);
                room = 0;
                throw new IOException("No space left on device");
            }
            out.write(bytes, offset, length);
            room -= length;
        }
    }

    /** A disk that stops answering: every write after the header waits until released. */
    private static final class Stalled extends FilterOutputStream {

        private final CountDownLatch released = new CountDownLatch(1);
        private boolean first = true;

        Stalled(OutputStream file) {
            super(file);
        }

        void release() {
            released.countDown();
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (!first) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            first = false;
            out.write(bytes, offset, length);
        }
    }
}
