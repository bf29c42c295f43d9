package dev.sweep.feed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * How feeds connect.
 *
 * @param connectTimeout   TCP connect and WebSocket handshake, each; a REST snapshot request, whole
 * @param maxMessageBytes  the largest text message or REST snapshot accepted (a Coinbase BTC-USD snapshot is several
 *                         MB); a larger message closes the connection, which is then replaced, and a larger snapshot
 *                         is fetched again
 * @param initialBackoff   wait before the first reconnect; doubles per failed attempt, with ±50% jitter
 * @param maxBackoff       the longest wait between attempts
 * @param trustStore       certificates to trust for {@code wss://} instead of the JDK's (a PKCS#12 or JKS file), or
 *                         null; host names are verified either way
 * @param trustStorePassword its password, or null
 * @param clock            nanoseconds from any fixed origin, {@link System#nanoTime()} unless a test moves time itself:
 *                         what a book's age, a silence and a keep-alive are measured with (backoff and timeouts stay
 *                         in real time)
 */
public record FeedSettings(Duration connectTimeout, int maxMessageBytes, Duration initialBackoff,
                           Duration maxBackoff, Path trustStore, String trustStorePassword, LongSupplier clock) {

    /**
     * 5 s to connect, 16 MiB messages, reconnect after 250 ms doubling up to 30 s, the JDK's trusted roots, the
     * system's clock.
     */
    public static FeedSettings defaults() {
        return new FeedSettings(Duration.ofSeconds(5), 16 * 1024 * 1024, Duration.ofMillis(250),
                Duration.ofSeconds(30), null, null, System::nanoTime);
    }

    public FeedSettings withBackoff(Duration initial, Duration max) {
        return new FeedSettings(connectTimeout, maxMessageBytes, initial, max, trustStore, trustStorePassword, clock);
    }

    public FeedSettings withConnectTimeout(Duration timeout) {
        return new FeedSettings(timeout, maxMessageBytes, initialBackoff, maxBackoff, trustStore, trustStorePassword,
                clock);
    }

    /**
     * How long to wait before retry {@code attempt} (0 for the first retry): the initial backoff doubled per attempt,
     * up to the longest, with ±50% jitter so that clients do not retry in step.
     */
    public long backoffMillis(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt, 16);
        long capped = Math.min(base, maxBackoff.toMillis());
        return Math.max(1, (long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }

    public FeedSettings withTrustStore(Path store, String password) {
        return new FeedSettings(connectTimeout, maxMessageBytes, initialBackoff, maxBackoff, store, password, clock);
    }

    /** With the clock a test moves, such as the simulator's. */
    public FeedSettings withClock(LongSupplier clock) {
        return new FeedSettings(connectTimeout, maxMessageBytes, initialBackoff, maxBackoff, trustStore,
                trustStorePassword, clock);
    }

    @Override
    public String toString() {
        // Never print the password.
        return "FeedSettings[connectTimeout=" + connectTimeout + ", maxMessageBytes=" + maxMessageBytes
                + ", backoff=" + initialBackoff + ".." + maxBackoff + ", trustStore=" + trustStore + "]";
    }
}
