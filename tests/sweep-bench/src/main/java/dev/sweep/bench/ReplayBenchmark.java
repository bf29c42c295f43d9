package dev.sweep.bench;

import dev.sweep.record.RecordingListener;
import dev.sweep.record.RecordingReader;
import dev.sweep.record.Replay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole shipped recording (10 s of the simulator: BTC-USD and ETH-USD on the three venues, snapshots included)
 * replayed through the adapters from memory, reported per frame. Decompression is left out: it is the file's cost,
 * not the feed's.
 *
 * <p>Run from the repository root: {@code java -jar tests/sweep-bench/target/benchmarks.jar ReplayBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ReplayBenchmark {

    /** Frames in the shipped recording. */
    static final int FRAMES = 23_618;
    static final Path RECORDING = Path.of("recordings", "sim-btc-eth-10s.swr");

    private final List<String> subscriptionVenues = new ArrayList<>();
    private final List<List<String>> subscriptionSymbols = new ArrayList<>();
    private final List<String> venues = new ArrayList<>();
    private final List<byte[]> frames = new ArrayList<>();
    private int[] connections = new int[0];

    @Setup
    public void load() throws IOException {
        Path file = Files.exists(RECORDING) ? RECORDING : Path.of("..", "..").resolve(RECORDING);
        List<Integer> connectionList = new ArrayList<>();
        try (RecordingReader reader = RecordingReader.open(file)) {
            RecordingListener collector = new RecordingListener() {
                @Override
                public void onSubscription(String venue, List<String> symbols) {
                    subscriptionVenues.add(venue);
                    subscriptionSymbols.add(symbols);
                }

                @Override
                public void onFrame(String venue, int connection, long receiveEpochNanos, byte[] buffer, int offset,
                                    int length) {
                    venues.add(venue);
                    connectionList.add(connection);
                    frames.add(Arrays.copyOfRange(buffer, offset, offset + length));
                }

                @Override
                public void onSnapshot(String venue, int connection, long receiveEpochNanos, String symbol,
                                       byte[] buffer, int offset, int length) {
                    // The shipped recording holds venues whose WebSocket carries their snapshots: anything else
                    // would be measured without what its books start from.
                    throw new IllegalStateException(file + " holds a REST snapshot, which this benchmark skips");
                }
            };
            while (reader.next(collector)) {
                if (frames.size() > FRAMES) {
                    break;
                }
            }
        }
        if (frames.size() != FRAMES) {
            throw new IllegalStateException("expected " + FRAMES + " frames in " + file + ", found " + frames.size());
        }
        connections = connectionList.stream().mapToInt(Integer::intValue).toArray();
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public Replay replayWholeRecording() {
        Replay replay = new Replay();
        for (int i = 0; i < subscriptionVenues.size(); i++) {
            replay.onSubscription(subscriptionVenues.get(i), subscriptionSymbols.get(i));
        }
        for (int i = 0; i < FRAMES; i++) {
            byte[] frame = frames.get(i);
            replay.onFrame(venues.get(i), connections[i], i, frame, 0, frame.length);
        }
        if (replay.rejected() != 0 || replay.broken() != 0) {
            throw new IllegalStateException("the replay rejected frames");
        }
        return replay;
    }
}
