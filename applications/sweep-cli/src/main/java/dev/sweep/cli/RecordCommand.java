package dev.sweep.cli;

import dev.sweep.core.Instrument;
import dev.sweep.record.RecordingWriter;
import dev.sweep.venue.Venue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sweep record}: the raw frames of live feeds, to a recording file. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Record the raw frames of the venues' feeds (with receive times) to a compressed file that"
                + " 'sweep replay' rebuilds the books from. Stops after --duration or at Ctrl-C; a recording cut short"
                + " is readable up to its last frames.",
        footer = {"", "Example: sweep record --out session.swr --duration 60s --symbols BTC-USD,ETH-USD"})
final class RecordCommand implements Callable<Integer> {

    private static final long PROGRESS_MILLIS = 1_000;

    private final Console console;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The recording to write.")
    private Path out;

    @Option(names = "--venues", split = ",", paramLabel = "VENUE",
            description = "Venues to record (default: kraken,coinbase,gemini).")
    private List<String> venues = new ArrayList<>();

    @Option(names = "--symbols", split = ",", paramLabel = "SYMBOL", defaultValue = "BTC-USD",
            description = "Instruments to record (default: ${DEFAULT-VALUE}).")
    private List<String> symbols;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "60s",
            description = "How long to record (default: ${DEFAULT-VALUE}).")
    private String duration;

    @Mixin
    private FeedOptions feed;

    RecordCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        Duration length = Durations.parse("--duration", duration);
        List<Instrument> instruments = new ArrayList<>();
        for (String symbol : symbols) {
            try {
                instruments.add(Instrument.of(symbol));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--symbols: " + e.getMessage());
            }
        }
        List<Venue> selected = VenueSelection.of("--venues", venues);
        feed.startLogs(console);
        RecordingWriter writer;
        try {
            writer = RecordingWriter.create(out);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + out + ": " + e.getMessage());
        }
        for (Venue venue : selected) {
            writer.subscription(venue.name(), instruments.stream().map(Instrument::symbol).toList());
        }
        try (LiveFeeds feeds = LiveFeeds.start(feed, selected, instruments, writer::frame)) {
            Thread finisher = new Thread(() -> {
                feeds.close();
                closeQuietly(writer);
            }, "sweep-record-shutdown");
            Runtime.getRuntime().addShutdownHook(finisher);
            long end = System.nanoTime() + length.toNanos();
            while (System.nanoTime() < end) {
                TimeUnit.MILLISECONDS.sleep(Math.min(PROGRESS_MILLIS, Math.max(1,
                        TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
                console.err().printf("recording %s: %d frames, %d KB%n", out, writer.frames(), writer.bytes() / 1024);
                console.err().flush();
            }
            Runtime.getRuntime().removeShutdownHook(finisher);
        }
        closeQuietly(writer);
        console.out().printf("recorded %d frames (%d KB before compression) from %s to %s%n", writer.frames(),
                writer.bytes() / 1024, String.join(", ", selected.stream().map(Venue::name).toList()), out);
        console.out().flush();
        return ExitCode.OK;
    }

    private static void closeQuietly(RecordingWriter writer) {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the recording: " + e.getMessage(), e);
        }
    }
}
