package dev.sweep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.server.SweepServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the load client counts, checked briefly against the benchmark's server, without judging the figures: answers
 * with status 200 timed, any other counted as failed, and the CPU time of both JVMs taken.
 */
@Timeout(120)
class ServeLoadBenchTest {

    private Path file;
    private SweepServer server;

    @BeforeEach
    void serve() throws Exception {
        file = Files.createTempFile("sweep-load-test", ".json");
        server = ServeLoadBench.serve(file);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        Files.deleteIfExists(file);
    }

    @Test
    void everySweepWithANewQuantityIsAnsweredAndTimed() throws Exception {
        ServeLoadBench.Measured measured = ServeLoadBench.measure(server.uri().getPort(),
                ServeLoadBench.NEW_EACH_TIME, 1, 2, 3);

        assertThat(measured.failed()).as("failed").isEqualTo(0);
        assertThat(measured.latency().getTotalCount()).as("answered").isPositive();
        assertThat(measured.latency().getMinValue()).as("fastest answer, ns").isPositive();
        assertThat(measured.serverCpuNanos()).as("server CPU, ns").isPositive();
        assertThat(measured.clientCpuNanos()).as("client CPU, ns").isPositive();
        assertThat(measured.serverAllocated()).as("server allocation, bytes").isPositive();
    }

    @Test
    void answersWithAnotherStatusThan200AreFailuresNotTimed() throws Exception {
        ServeLoadBench.Measured measured = ServeLoadBench.measure(server.uri().getPort(), "/api/v1/nothing", 1, 2, 3);

        assertThat(measured.latency().getTotalCount()).as("answered with 200").isEqualTo(0);
        assertThat(measured.failed()).as("failed").isPositive();
    }
}
