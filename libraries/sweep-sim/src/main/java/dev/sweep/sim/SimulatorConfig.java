package dev.sweep.sim;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run the simulator.
 *
 * @param host   the address to bind: loopback unless the user asks otherwise
 * @param port   the port, 0 for any free one
 * @param seed   seeds the market and the fault draws: a seed always yields the same sequence of books
 * @param rate   book updates per second, per venue and instrument
 * @param faults random faults on outgoing updates
 * @param tls    serve {@code wss://} with this identity, or null for plain {@code ws://}
 * @param clock  the simulator's one clock
 * @param restLag how far the REST snapshots lag behind the WebSocket streams: each answers with the book as it was
 *                this long before (a venue's REST cache, as Binance's, trails its stream); zero for none
 * @param flushes told when each update's frame went out, for a benchmark; {@link FlushProbe#NONE} for nobody
 */
public record SimulatorConfig(String host, int port, long seed, int rate, FaultPlan faults, TlsIdentity tls,
                              SimClock clock, Duration restLag, FlushProbe flushes) {

    /**
     * A server certificate and its key, in a PKCS#12 key store.
     *
     * @param keyStore the key store file
     * @param password its password (and the key's)
     */
    public record TlsIdentity(Path keyStore, String password) {
    }

    /** Loopback, any free port, seed 7, 25 updates per second per book, no faults, no TLS, the system's clock. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", 0, 7, 25, FaultPlan.NONE, null);
    }

    /** Told nobody of the frames' flushes. */
    public SimulatorConfig(String host, int port, long seed, int rate, FaultPlan faults, TlsIdentity tls,
                           SimClock clock, Duration restLag) {
        this(host, port, seed, rate, faults, tls, clock, restLag, FlushProbe.NONE);
    }

    /** REST snapshots that do not lag the streams. */
    public SimulatorConfig(String host, int port, long seed, int rate, FaultPlan faults, TlsIdentity tls,
                           SimClock clock) {
        this(host, port, seed, rate, faults, tls, clock, Duration.ZERO);
    }

    /** With the system's clock. */
    public SimulatorConfig(String host, int port, long seed, int rate, FaultPlan faults, TlsIdentity tls) {
        this(host, port, seed, rate, faults, tls, SimClock.system());
    }

    public SimulatorConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
        }
        if (rate < 0 || rate > 1_000_000) {
            throw new IllegalArgumentException("rate must be in [0, 1000000] updates per second: " + rate);
        }
        if (restLag.isNegative()) {
            throw new IllegalArgumentException("the REST lag must not be negative: " + restLag);
        }
        if (flushes == null) {
            throw new IllegalArgumentException("the flush probe must be given (FlushProbe.NONE for none)");
        }
    }

    public SimulatorConfig withPort(int port) {
        return new SimulatorConfig(host, port, seed, rate, faults, tls, clock, restLag, flushes);
    }

    public SimulatorConfig withRate(int rate) {
        return new SimulatorConfig(host, port, seed, rate, faults, tls, clock, restLag, flushes);
    }

    public SimulatorConfig withSeed(long seed) {
        return new SimulatorConfig(host, port, seed, rate, faults, tls, clock, restLag, flushes);
    }

    public SimulatorConfig withFaults(FaultPlan faults) {
        return new SimulatorConfig(host, port, seed, rate, faults, tls, clock, restLag, flushes);
    }

    public SimulatorConfig withTls(TlsIdentity tls) {
        return new SimulatorConfig(host, port, seed, rate, faults, tls, clock, restLag, flushes);
    }

    public SimulatorConfig withClock(SimClock clock) {
        return new SimulatorConfig(host, port, seed, rate, faults, tls, clock, restLag, flushes);
    }

    public SimulatorConfig withRestLag(Duration restLag) {
        return new SimulatorConfig(host, port, seed, rate, faults, tls, clock, restLag, flushes);
    }

    public SimulatorConfig withFlushes(FlushProbe flushes) {
        return new SimulatorConfig(host, port, seed, rate, faults, tls, clock, restLag, flushes);
    }
}
