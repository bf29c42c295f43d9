package dev.sweep.venue.server;

/** What a {@link ServerSession} gets from the host that runs it: the market, the connection, the faults. */
public interface ServerContext extends MarketView {

    /** Sends a text frame to the client: at once, or later when the connection is stalled; never once it is closed. */
    void send(String frame);

    /** Closes the connection, as the venue does with a client that breaks its rules (a missed deadline). */
    void close();

    /**
     * The fault the update about to be sent must carry. The host applies the faults every venue shares itself (it may
     * close the connection, send garbage first, or stall), and returns those only the dialect can apply.
     */
    UpdateFault nextFault();

    /** When a frame last went out to the client, or the connection opened (nanoseconds since the epoch). */
    long lastSentNanos();

    /** A number from the host's seeded random source, for values a venue makes up (a connection id). */
    long randomLong();
}
