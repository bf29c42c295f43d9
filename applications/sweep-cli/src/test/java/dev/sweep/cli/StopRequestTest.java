package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a command that runs until stopped is stopped on a thread of the caller's JVM, as a test runs it. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StopRequestTest {

    @Test
    void anInterruptOfTheWaitingThreadIsARequestToStop() throws Exception {
        try (StopRequest stop = StopRequest.install("stop-request-test")) {
            Thread.currentThread().interrupt();

            assertThat(stop.await(TimeUnit.MINUTES.toNanos(1))).isTrue();
            // The command closes what it opened uninterrupted, and waits no more.
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
            assertThat(stop.await(TimeUnit.MINUTES.toNanos(1))).isTrue();
        }
    }
}
