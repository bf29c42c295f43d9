package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The packaged jar as users run it: a real process, its exit code and its two output streams. */
@Timeout(60)
class SweepJarIT {

    private static final Path JAR = Path.of("target", "sweep.jar");
    private static final Path EXAMPLE = Path.of("..", "..", "examples", "books.json");

    @Test
    void sweepsTheExampleBooks() throws Exception {
        Result result = run("sell", "15", "--from", EXAMPLE.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("SELL 15 BTC-USD · merged VWAP ")
                .contains("kraken  taker fee").contains("merged book  3 venues").contains("fills (price, size)")
                .doesNotContain("\u001b[");
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws Exception {
        Result result = run("sell", "-3", "--from", EXAMPLE.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("sweep: quantity '-3' is not valid: must be a positive number\n");
    }

    @Test
    void printsItsVersion() throws Exception {
        Result result = run("--version");

        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).matches("sweep \\d+\\.\\d+\\.\\d+.*\n");
    }

    @Test
    void theMainJobRunsAgainstTheBuiltInSimulator() throws Exception {
        Result result = run("sell", "15", "--demo");

        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("DEMO · simulated exchanges").contains("kraken  taker fee 0.4% · LIVE")
                .contains("coinbase  taker fee 1.2% · LIVE").contains("gemini  taker fee 0.4% · LIVE")
                .contains("merged book  3 venues");
    }

    @Test
    void watchWithJsonPrintsOneDocumentPerRefreshAndStopsCleanly() throws Exception {
        Process process = new ProcessBuilder(java(), "-jar", JAR.toString(), "sell", "1", "--demo", "--watch",
                "--interval", "200ms", "--json").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            for (int i = 0; i < 3; i++) {
                JsonNode document = new ObjectMapper().readTree(out.readLine());
                assertThat(document.get("source").asText()).isEqualTo("demo");
                assertThat(document.get("merged").get("complete").asBoolean()).isTrue();
            }
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("SIGTERM").isEqualTo(143);
    }

    @Test
    void aRecordingStoppedBySigtermIsCompleteAndReplays() throws Exception {
        Path file = Files.createTempFile("sweep-record", ".swr");
        try {
            Process process = new ProcessBuilder(java(), "-jar", JAR.toString(), "record", "--demo", "--duration",
                    "60s", "--out", file.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (Files.size(file) < 20_000 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("SIGTERM").isEqualTo(143);

            Result replay = run("replay", file.toString());
            assertThat(replay.exitCode()).as(replay.err()).isEqualTo(ExitCode.OK);
            assertThat(replay.out()).contains("0 rejected, 0 books broken");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aRecordingToAFullDiskFailsAtOnceWithOneLine() throws Exception {
        Result result = run("record", "--demo", "--duration", "60s", "--out", "/dev/full");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("sweep: cannot write /dev/full: No space left on device\n");
    }

    @Test
    void aWriteErrorDuringARecordingStopsItAtOnceWithOneLine() throws Exception {
        // A named pipe whose reader goes away: the next write fails (EPIPE), as a disk that fills up does.
        Path pipe = Files.createTempDirectory("sweep-record").resolve("pipe.swr");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        Path errFile = Files.createTempFile("sweep-err", ".txt");
        try {
            long started = System.nanoTime();
            Process process = new ProcessBuilder(java(), "-jar", JAR.toString(), "record", "--demo", "--duration",
                    "60s", "--out", pipe.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errFile.toFile()).start();
            try (InputStream reader = Files.newInputStream(pipe)) {
                assertThat(reader.readNBytes(20_000)).hasSize(20_000);
            }
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops at once, not after --duration").isTrue();
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(30);
            assertThat(process.exitValue()).isEqualTo(ExitCode.USAGE);
            assertThat(Files.readString(errFile)).isEqualTo("sweep: cannot write " + pipe + ": Broken pipe\n");
        } finally {
            Files.delete(errFile);
            Files.delete(pipe);
            Files.delete(pipe.getParent());
        }
    }

    @Test
    void ctrlCWhileWaitingForBooksExitsWith130() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String endpoint = "ws://127.0.0.1:" + silent.getLocalPort();
            Process process = new ProcessBuilder(java(), "-jar", JAR.toString(), "sell", "1", "--timeout", "60s",
                    "--endpoint", "kraken=" + endpoint + "/kraken/v2", "--endpoint", "coinbase=" + endpoint + "/coinbase",
                    "--endpoint", "gemini=" + endpoint + "/gemini/v2/marketdata")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.PIPE).start();
            TimeUnit.SECONDS.sleep(2);
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("SIGINT").isEqualTo(130);
            assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .doesNotContain("Exception");
        }
    }

    @Test
    void sigtermDuringAPacedReplayExitsWith143() throws Exception {
        Process process = new ProcessBuilder(java(), "-jar", JAR.toString(), "replay",
                Path.of("..", "..", "recordings", "sim-btc-eth-10s.swr").toString(), "--speed", "1x")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        TimeUnit.SECONDS.sleep(2);
        process.destroy();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("SIGTERM").isEqualTo(143);
    }

    @Test
    void simServesTheThreeVenuesUntilStopped() throws Exception {
        Process process = new ProcessBuilder(java(), "-jar", JAR.toString(), "sim", "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).startsWith("Sweep exchange simulator (seed 7");
            String kraken = out.readLine().trim();
            assertThat(kraken).matches("kraken +ws://127\\.0\\.0\\.1:\\d+/kraken/v2");
            assertThat(out.readLine()).contains("/coinbase");
            assertThat(out.readLine()).contains("/gemini/v2/marketdata");

            CompletableFuture<String> firstFrame = new CompletableFuture<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(kraken.substring(kraken.indexOf("ws://"))), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            firstFrame.complete(data.toString());
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            assertThat(firstFrame.get(10, TimeUnit.SECONDS)).startsWith("{\"channel\":\"status\"");
            socket.abort();
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        // stderr goes to a file so that neither stream can fill its pipe while the other is read.
        Path errFile = Files.createTempFile("sweep-err", ".txt");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectError(errFile.toFile())
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return new Result(process.exitValue(), out, Files.readString(errFile));
        } finally {
            Files.delete(errFile);
        }
    }
}
