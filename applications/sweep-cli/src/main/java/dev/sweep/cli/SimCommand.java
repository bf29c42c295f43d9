package dev.sweep.cli;

import dev.sweep.report.Durations;
import dev.sweep.report.UserInputException;
import dev.sweep.sim.FaultPlan;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venue;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sweep sim}: the exchange simulator on its own, until Ctrl-C. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Run the exchange simulator: every venue's market data protocol over a synthetic market, on one"
                + " port, until Ctrl-C.",
        footer = {"", "Faults: drop (close the connection), gap (lose an update), checksum (corrupt a checksum),"
                + " malformed (invalid JSON), stall (8 s of silence), oversized (a 17 MiB frame), restart (a"
                + " venue that numbers its messages starts over, as after a restart of its service), shutdown (the"
                + " connection is announced closing, as a venue does before maintenance, and closed 10 s later).",
                "Example: sweep sim --port 8765 --seed 7 --faults drop=0.001,gap=0.01"})
final class SimCommand implements Callable<Integer> {

    private static final long STATUS_SECONDS = 5;

    private final Console console;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8765",
            description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only).")
    private String host;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "7",
            description = "Seed of the synthetic market: a seed always yields the same books (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "25",
            description = "Book updates per second, per venue and instrument (default: ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--rest-lag", paramLabel = "DURATION",
            description = "Answer REST snapshots with the book as it was this long before, as a venue's REST cache"
                    + " trails its stream, e.g. 200ms (default: none).")
    private String restLag;

    @Option(names = "--faults", paramLabel = "FAULT=P,…",
            description = "Inject faults at random, each with its probability per update, e.g. drop=0.01,gap=0.001.")
    private String faults;

    SimCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        SimulatorConfig config;
        try {
            config = new SimulatorConfig(host, port, seed, rate, FaultPlan.parse(faults), null)
                    .withRestLag(restLag == null ? Duration.ZERO : Durations.parse("--rest-lag", restLag));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        Simulator simulator;
        try {
            simulator = Simulator.start(config);
        } catch (IllegalStateException e) {
            throw new UserInputException(e.getMessage() + "; --host takes an address of this machine (default"
                    + " 127.0.0.1), --port a free port (0: any)");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "sweep-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        console.out().println("Sweep exchange simulator (seed " + seed + ", " + rate
                + " updates/s per book, faults: " + config.faults()
                + (restLag == null ? "" : ", REST " + restLag + " behind") + ")");
        for (Venue venue : simulator.venues()) {
            // A venue whose snapshots come over REST serves them on the same port: both URLs, for a client to use.
            console.out().printf("  %-9s %s%s%n", venue.name(), simulator.endpoint(venue.name()),
                    venue.restSnapshots().isEmpty() ? "" : "  REST " + simulator.restEndpoint(venue.name()));
        }
        console.out().println("Ctrl-C to stop.");
        console.out().flush();

        long lastFrames = 0;
        long lastSteps = 0;
        while (!stopped.await(STATUS_SECONDS, TimeUnit.SECONDS)) {
            long frames = simulator.framesSent();
            long steps = simulator.marketSteps();
            console.err().printf("clients %d · %d frames/s · %d book updates/s%n", simulator.clients(),
                    (frames - lastFrames) / STATUS_SECONDS, (steps - lastSteps) / STATUS_SECONDS);
            console.err().flush();
            lastFrames = frames;
            lastSteps = steps;
        }
        return ExitCode.OK;
    }
}
