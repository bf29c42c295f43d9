package dev.sweep.bench;

import dev.sweep.core.Instrument;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.sim.market.SyntheticMarket;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The simulator in a JVM of its own, so that a benchmark's client shares neither its heap, its collections nor its
 * JIT with it: {@link #start} launches it from this JVM's class path and reads where it listens; {@link #main} is the
 * simulator's side. They speak in lines: the child writes {@code ws VENUE URI SYMBOL,…} and {@code rest VENUE URI}
 * for each venue, then {@code ready BOOKS RATE}; it answers each {@code stats} line on its input with
 * {@code stats STEPS FRAMES CPU_NANOS GC_COUNT GC_MILLIS TO_WRITTEN TO_FLUSHED}, the last two the timed venue's
 * {@link FlushTimes} since the last {@code stats}, and stops when its input closes (so it never outlives its parent).
 *
 * <p>Both JVMs time frames with one clock: the parent's wall-clock epoch minus its {@link System#nanoTime()}, handed
 * to the child, plus each JVM's own {@code nanoTime}. On Linux {@code nanoTime} is {@code CLOCK_MONOTONIC}, one clock
 * for every process of the machine, so a time stamped by the child and read by the parent differ by nothing but the
 * time between them (and the µs to which a venue's frame writes its time).
 */
final class SimulatorProcess implements AutoCloseable {

    /** The child's heap, fixed so that it neither grows nor shrinks in the run. */
    private static final List<String> JVM_OPTIONS = List.of("-Xms512m", "-Xmx512m");

    /**
     * @param steps       market steps since start
     * @param framesSent  frames sent since start, to every client
     * @param costs       the child's CPU time and garbage collections since start
     * @param toWritten   the timed venue's updates since the last stats: from their due time to their frame written
     * @param toFlushed   the same updates, from their due time to the flush that took their frame to the socket
     */
    record Stats(long steps, long framesSent, JvmCosts costs, Histogram toWritten, Histogram toFlushed) {
    }

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final Map<String, URI> endpoints = new LinkedHashMap<>();
    private final Map<String, URI> restEndpoints = new LinkedHashMap<>();
    private final Map<String, List<Instrument>> instruments = new LinkedHashMap<>();
    private int books;
    private int ratePerBook;

    private SimulatorProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /**
     * Launches the simulator moving {@code updatesPerSecond} book updates a second over all its books (rounded down
     * to a whole rate per book), and waits until it listens.
     *
     * @param epochOffsetNanos the wall-clock epoch minus {@link System#nanoTime()}, in this JVM
     * @param timedVenue       the venue whose updates' flushes the child times
     */
    static SimulatorProcess start(int updatesPerSecond, long epochOffsetNanos, String timedVenue) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SimulatorProcess.class.getName(),
                Integer.toString(updatesPerSecond), Long.toString(epochOffsetNanos), timedVenue));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        SimulatorProcess simulator = new SimulatorProcess(process);
        try {
            simulator.readEndpoints();
        } catch (IOException | RuntimeException e) {
            simulator.close();
            throw e;
        }
        return simulator;
    }

    private void readEndpoints() throws IOException {
        for (String[] line = line(); !line[0].equals("ready"); line = line()) {
            switch (line[0]) {
                case "ws" -> {
                    endpoints.put(line[1], URI.create(line[2]));
                    instruments.put(line[1], Arrays.stream(line[3].split(",")).map(Instrument::of).toList());
                }
                case "rest" -> restEndpoints.put(line[1], URI.create(line[2]));
                default -> throw new IllegalStateException("the simulator process said: " + String.join(" ", line));
            }
        }
    }

    private String[] line() throws IOException {
        String line = out.readLine();
        if (line == null) {
            throw new IllegalStateException("the simulator process ended (its errors are above)");
        }
        String[] words = line.split(" ");
        if (words[0].equals("ready")) {
            books = Integer.parseInt(words[1]);
            ratePerBook = Integer.parseInt(words[2]);
        }
        return words;
    }

    /** The WebSocket endpoint of every venue, by name. */
    Map<String, URI> endpoints() {
        return endpoints;
    }

    /** The REST endpoint of every venue whose snapshots come over REST, by name. */
    Map<String, URI> restEndpoints() {
        return restEndpoints;
    }

    /** The instruments each venue lists, by name: every book the market moves. */
    Map<String, List<Instrument>> instruments() {
        return instruments;
    }

    /** How many books the market moves. */
    int books() {
        return books;
    }

    /** Book updates a second, per book. */
    int ratePerBook() {
        return ratePerBook;
    }

    /** The simulator's counters now. */
    Stats stats() throws IOException {
        in.println("stats");
        String[] line = line();
        if (!line[0].equals("stats")) {
            throw new IllegalStateException("the simulator process said: " + String.join(" ", line));
        }
        return new Stats(Long.parseLong(line[1]), Long.parseLong(line[2]),
                new JvmCosts(Long.parseLong(line[3]), Long.parseLong(line[4]), Long.parseLong(line[5])),
                FlushTimes.decode(line[6]), FlushTimes.decode(line[7]));
    }

    /** Closes the child's input, which stops it; kills it if it has not stopped within 5 s. */
    @Override
    public void close() {
        in.close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The simulator's side: {@code UPDATES_PER_SECOND EPOCH_OFFSET_NANOS TIMED_VENUE}. Serves every registered venue on
     * loopback until its input closes.
     */
    public static void main(String[] args) throws IOException {
        // The lines to the parent have the standard output to themselves: whatever else prints goes to the errors.
        PrintStream out = System.out;
        System.setOut(System.err);
        int updatesPerSecond = Integer.parseInt(args[0]);
        long epochOffsetNanos = Long.parseLong(args[1]);
        FlushTimes flushes = new FlushTimes(args[2]);
        long books = Venues.all().stream().mapToLong(venue -> SyntheticMarket.STARTING_PRICES.keySet().stream()
                .filter(symbol -> venue.lists(Instrument.of(symbol))).count()).sum();
        SimulatorConfig config = SimulatorConfig.defaults().withRate((int) Math.max(1, updatesPerSecond / books))
                .withClock(() -> epochOffsetNanos + System.nanoTime()).withFlushes(flushes);
        try (Simulator simulator = Simulator.start(config)) {
            for (Venue venue : simulator.venues()) {
                out.println("ws " + venue.name() + " " + simulator.endpoint(venue.name()) + " " + String.join(",",
                        simulator.instruments(venue.name()).stream().map(Instrument::symbol).toList()));
                if (venue.restSnapshots().isPresent()) {
                    out.println("rest " + venue.name() + " " + simulator.restEndpoint(venue.name()));
                }
            }
            out.println("ready " + simulator.books() + " " + config.rate());
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("stats")) {
                    JvmCosts costs = JvmCosts.now();
                    out.println("stats " + simulator.marketSteps() + " " + simulator.framesSent() + " "
                            + costs.cpuNanos() + " " + costs.collections() + " " + costs.millis() + " "
                            + flushes.takeInterval());
                    out.flush();
                }
            }
        }
    }
}
