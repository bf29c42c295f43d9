package dev.sweep.cli;

import dev.sweep.report.Reports;
import dev.sweep.report.TakerFees;
import dev.sweep.report.UserInputException;
import dev.sweep.report.render.FillList;
import dev.sweep.report.render.SweepOutput;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.feed.BookView;
import dev.sweep.record.RecordingFormatException;
import dev.sweep.record.RecordingListener;
import dev.sweep.record.RecordingReader;
import dev.sweep.record.Replay;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.Venues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep replay}: books rebuilt from a recording, offline, and optionally swept. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Rebuild the books of a recording through the same decoders, with no network, and report"
                + " frames per second; then sweep them if a side and a quantity are given.",
        footer = {"", "Examples:", "  sweep replay session.swr", "  sweep replay session.swr sell 15 --json",
                "  sweep replay session.swr --speed 1x"})
final class ReplayCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(index = "0", paramLabel = "FILE", description = "A recording made by 'sweep record'.")
    private Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SIDE", description = "sell or buy, to sweep the final books.")
    private String side;

    @Parameters(index = "2", arity = "0..1", paramLabel = "QTY", description = "The size to sweep.")
    private String quantity;

    @Option(names = "--speed", paramLabel = "max|1x", defaultValue = "max",
            description = "max: as fast as possible (measures throughput); 1x: at the recorded pace"
                    + " (default: ${DEFAULT-VALUE}).")
    private String speed;

    @Option(names = "--symbol", paramLabel = "BASE-QUOTE",
            description = "Instrument to sweep (default: the first recorded).")
    private String symbol;

    @Option(names = "--fee", paramLabel = "[VENUE=]RATE", description = "Taker fees, as for sell and buy.")
    private List<String> fees = new ArrayList<>();

    @Option(names = "--json", description = "Print the sweep as JSON.")
    private boolean json;

    ReplayCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!"max".equals(speed) && !"1x".equals(speed)) {
            throw new UserInputException("--speed must be max or 1x, not '" + speed + "'");
        }
        OrderSide orderSide = orderSide();
        Replay replay = new Replay();
        String problem;
        FirstFrame timed = new FirstFrame("1x".equals(speed) ? new Pacer(replay) : replay);
        try (RecordingReader reader = open()) {
            ProgressBar progress = new ProgressBar(console, "replaying " + file, ProgressBar.Unit.BYTES);
            long size = Files.size(file);
            try {
                while (reader.next(timed)) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException();
                    }
                    progress.update(reader.position(), size);
                }
            } finally {
                progress.clear();
            }
            problem = reader.problem();
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + FileErrors.reason(file, e));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + ": " + e.getMessage());
        }
        long elapsed = Math.max(1, timed.nanosSince());
        if (orderSide == null || !json) {
            // Written without a Formatter, whose first use loads the JVM's locale data (50 classes): measured on a
            // busy 2-core machine, replay of the shipped recording took 30 ms less CPU of its 580 (README, "Start-up").
            console.out().println("replayed " + replay.frames() + " frames (" + replay.bytes() / 1024 + " KB) in "
                    + TimeUnit.NANOSECONDS.toMillis(elapsed) + " ms from the first frame to the last: "
                    + Math.round(replay.frames() * 1e9 / elapsed) + " frames/s; " + replay.rejected() + " rejected, "
                    + replay.broken() + " books broken");
        }
        if (orderSide != null) {
            sweep(replay, orderSide, problem);
        }
        console.out().flush();
        if (problem != null) {
            // A recording cut short (killed, disk full) is expected to end this way: the report stands, with a note.
            console.err().println("sweep: " + file + " is " + problem + "; the report covers the frames before");
            console.err().flush();
        }
        return ExitCode.OK;
    }

    private RecordingReader open() {
        try {
            return RecordingReader.open(file);
        } catch (RecordingFormatException e) {
            throw new UserInputException(e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + FileErrors.reason(file, e)
                    + " (replay takes a recording made by 'sweep record --out FILE')");
        }
    }

    private OrderSide orderSide() {
        if (side == null) {
            return null;
        }
        for (OrderSide candidate : OrderSide.values()) {
            if (candidate.label().equalsIgnoreCase(side) && quantity != null) {
                return candidate;
            }
        }
        throw new UserInputException("expected 'sell QTY' or 'buy QTY' after the file, not '" + side
                + (quantity == null ? "" : " " + quantity) + "' (e.g. 'sweep replay " + file + " sell 15')");
    }

    private void sweep(Replay replay, OrderSide orderSide, String problem) {
        String why = problem == null ? "" : "; it is " + problem;
        if (replay.instruments().isEmpty()) {
            throw new UserInputException(file + " holds no books to sweep" + why);
        }
        Instrument instrument;
        try {
            instrument = symbol == null ? replay.instruments().get(0) : Instrument.of(symbol);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--symbol: " + e.getMessage());
        }
        List<BookView> views = new ArrayList<>();
        for (VenueBook book : replay.books(instrument)) {
            BookState state = book.state() == BookState.STALE ? BookState.LIVE : book.state();
            String venue = book.book().venue();
            views.add(new BookView(venue, state, Venues.isVerified(venue), book.book().copy(), -1, book.updates(),
                    book.resyncs(), null));
        }
        if (views.stream().noneMatch(BookView::isLive)) {
            throw new UserInputException(file + " has no live " + instrument + " book at its end" + why);
        }
        OrderRequest request = Amounts.request(orderSide, quantity, null, instrument);
        SweepOutput output = new SweepOutput(SweepOutput.REPLAY, Reports.analyze(request, views, TakerFees.from(fees)),
                views);
        new ReportPrinter(console, json ? ReportFormat.JSON : ReportFormat.TEXT, FillList.SUMMARY, false).print(output);
    }

    /**
     * Notes when the first frame or snapshot comes, so that the figure printed leaves out what comes before it: the
     * JVM starting, the file opening, a pipe still waiting for its writer.
     */
    private static final class FirstFrame implements RecordingListener {

        private final RecordingListener target;
        private long firstNanos = -1;

        FirstFrame(RecordingListener target) {
            this.target = target;
        }

        /** Notes the time of the first frame or snapshot; later ones leave it. */
        private void markFirst() {
            if (firstNanos < 0) {
                firstNanos = System.nanoTime();
            }
        }

        /** Nanoseconds from the first frame until now; 0 before any. */
        long nanosSince() {
            return firstNanos < 0 ? 0 : System.nanoTime() - firstNanos;
        }

        @Override
        public void onSubscription(String venue, List<String> symbols) {
            target.onSubscription(venue, symbols);
        }

        @Override
        public void onFrame(String venue, int connection, long receiveEpochNanos, byte[] buffer, int offset,
                            int length) {
            markFirst();
            target.onFrame(venue, connection, receiveEpochNanos, buffer, offset, length);
        }

        @Override
        public void onSnapshot(String venue, int connection, long receiveEpochNanos, String symbol, byte[] buffer,
                               int offset, int length) {
            markFirst();
            target.onSnapshot(venue, connection, receiveEpochNanos, symbol, buffer, offset, length);
        }
    }

    /** Delivers frames at the pace they were received. */
    private static final class Pacer implements RecordingListener {

        private final RecordingListener target;
        private long firstRecordedNanos = -1;
        private long startNanos;

        Pacer(RecordingListener target) {
            this.target = target;
        }

        @Override
        public void onSubscription(String venue, List<String> symbols) {
            target.onSubscription(venue, symbols);
        }

        @Override
        public void onFrame(String venue, int connection, long receiveEpochNanos, byte[] buffer, int offset,
                            int length) {
            if (firstRecordedNanos < 0) {
                firstRecordedNanos = receiveEpochNanos;
                startNanos = System.nanoTime();
            }
            long due = startNanos + (receiveEpochNanos - firstRecordedNanos) - System.nanoTime();
            if (due > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(due);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            target.onFrame(venue, connection, receiveEpochNanos, buffer, offset, length);
        }

        /** Handed on at once: a snapshot was fetched between two frames, and its receive time is among theirs. */
        @Override
        public void onSnapshot(String venue, int connection, long receiveEpochNanos, String symbol, byte[] buffer,
                               int offset, int length) {
            target.onSnapshot(venue, connection, receiveEpochNanos, symbol, buffer, offset, length);
        }
    }
}
