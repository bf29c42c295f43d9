package dev.sweep.cli;

import dev.sweep.core.Instrument;
import dev.sweep.feed.FrameTap;
import dev.sweep.record.Recorder;
import dev.sweep.record.RecordingWriter;
import dev.sweep.report.UserInputException;
import dev.sweep.venue.Venue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
                + " is readable up to its last frames. Fails (exit 3) if no venue delivers a book within --timeout.",
        footer = {"", "Example: sweep record --out session.swr --duration 60s --symbols BTC-USD,ETH-USD"})
final class RecordCommand implements Callable<Integer> {

    /** How often the recording is checked for a write error, and the books not delivered yet looked at. */
    private static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Console console;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The recording to write.")
    private Path out;

    @Mixin
    private StreamOptions stream;

    @Mixin
    private FeedOptions feed;

    RecordCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (feed.kafka != null) {
            throw new UserInputException("--kafka: a recording holds the venues' raw frames, which Kafka does not");
        }
        Duration length = stream.duration(DEFAULT_DURATION);
        Duration timeout = feed.timeout();
        List<Instrument> instruments = stream.instruments();
        List<Venue> selected = stream.venues(instruments);
        feed.startLogs(console);
        Recorder recorder = open();
        for (Venue venue : selected) {
            recorder.subscription(venue.name(), instruments.stream().map(Instrument::symbol).toList());
        }
        DeliveredBooks books = new DeliveredBooks(selected, instruments);
        // Ctrl-C and SIGTERM end the recording as --duration does, on this thread.
        try (StopRequest stop = StopRequest.install("sweep-record-shutdown")) {
            String failure;
            boolean stopped;
            try (LiveFeeds feeds = LiveFeeds.start(feed, selected, instruments, tap(recorder))) {
                stopped = record(feeds, recorder, books, length, timeout, stop);
            } finally {
                failure = finish(recorder);
            }
            if (failure != null) {
                throw new UserInputException("cannot write " + out + ": " + failure);
            }
            if (books.none()) {
                throw new FeedFailureException("no venue delivered a " + books.symbols() + " book to record "
                        + (stopped ? "before the recording was stopped"
                        : "within " + (timeout.compareTo(length) <= 0 ? feed.timeout : stream.durationText("60s"))) + ": "
                        + books.reasons() + (feed.demo ? "" : ". Try --demo to record the built-in simulator."));
            }
            console.out().printf("recorded %d frames (%d KB before compression) from %s to %s%n", recorder.frames(),
                    recorder.bytes() / 1024, String.join(", ", books.venues()), out);
            console.out().flush();
            for (String gap : books.gaps()) {
                console.err().println("sweep: " + gap);
            }
            console.err().flush();
            return ExitCode.OK;
        }
    }

    /** What the recording holds: every frame, and every REST snapshot where its adapter got it. */
    static FrameTap tap(Recorder recorder) {
        return new FrameTap() {
            @Override
            public void onFrame(String venue, int connection, long receiveEpochNanos, byte[] buffer, int offset,
                                int length) {
                recorder.frame(venue, connection, receiveEpochNanos, buffer, offset, length);
            }

            @Override
            public void onSnapshot(String venue, int connection, long receiveEpochNanos, Instrument instrument,
                                   byte[] buffer, int offset, int length) {
                recorder.snapshot(venue, connection, receiveEpochNanos, instrument.symbol(), buffer, offset, length);
            }
        };
    }

    private Recorder open() {
        try {
            return new Recorder(RecordingWriter.create(out), Recorder.DEFAULT_QUEUE_BYTES);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + out + ": " + FileErrors.reason(out, e));
        }
    }

    /**
     * Records until the duration is over, the recording fails, the user stops it, or the timeout passes with no book
     * delivered.
     *
     * @return whether the user stopped it
     */
    private boolean record(LiveFeeds feeds, Recorder recorder, DeliveredBooks books, Duration length, Duration timeout,
                           StopRequest stop) throws InterruptedException {
        ProgressBar progress = new ProgressBar(console, "recording " + out, ProgressBar.Unit.TIME);
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long booksDue = start + Math.min(timeout.toNanos(), length.toNanos());
        try {
            while (true) {
                long now = System.nanoTime();
                if (!books.complete()) {
                    books.poll(feeds);
                }
                if (now >= end || recorder.failure() != null || books.none() && now >= booksDue) {
                    return false;
                }
                progress.update(now - start, length.toNanos());
                if (stop.await(Math.min(POLL_NANOS, end - now))) {
                    return true;
                }
            }
        } finally {
            progress.clear();
        }
    }

    /** Ends the recording; returns why it failed, or null. */
    private static String finish(Recorder recorder) {
        try {
            recorder.close();
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
