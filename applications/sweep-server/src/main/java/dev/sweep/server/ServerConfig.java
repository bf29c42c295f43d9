package dev.sweep.server;

import java.time.Duration;

/**
 * How a server listens.
 *
 * @param host       the address to bind: loopback unless told otherwise
 * @param port       the port, or 0 for a free one
 * @param maxBookAge how old a copy of the books may be when a request is answered from it; bounds how often the feeds
 *                   are asked for copies however many requests arrive
 * @param eventLoops threads serving requests
 */
public record ServerConfig(String host, int port, Duration maxBookAge, int eventLoops) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ServerConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not in 0..65535");
        }
        if (eventLoops < 1) {
            throw new IllegalArgumentException("at least one event loop");
        }
    }

    /** Loopback, the given port, copies at most 50 ms old, one event loop per core. */
    public static ServerConfig on(String host, int port) {
        return new ServerConfig(host, port, Duration.ofMillis(50), Runtime.getRuntime().availableProcessors());
    }
}
