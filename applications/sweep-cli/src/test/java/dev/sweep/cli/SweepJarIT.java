package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.feed.RawWebSocketServer;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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
    void colorsFollowStdoutBeingATerminalWhateverStdinIs() throws Exception {
        // util-linux script(1) runs the command on a pseudo-terminal; stdin is then taken from /dev/null.
        String command = java() + " -jar " + JAR + " sell 3 --from " + EXAMPLE + " < /dev/null";
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", command, "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("NO_COLOR");
        builder.environment().put("TERM", "xterm");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(ExitCode.OK);
        assertThat(out).startsWith("\u001b[1mSELL 3 BTC-USD");
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws Exception {
        Result result = run("sell", "-3", "--from", EXAMPLE.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("sweep: quantity '-3' is not valid: must be a positive number\n");
    }

    @Test
    void printsItsVersionCommitAndBuildDate() throws Exception {
        Result result = run("--version");

        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        Matcher version = Pattern.compile("sweep \\d+\\.\\d+\\.\\d+\\S* \\(commit (\\S+), built (\\S+)\\)\n")
                .matcher(result.out());
        assertThat(version.matches()).as(result.out()).isTrue();
        assertThat(version.group(1)).isEqualTo(headCommit());
        assertThat(Instant.parse(version.group(2))).isBefore(Instant.now());
    }

    @Test
    void everyCommandsHelpIsCleanOnBothStreams() throws Exception {
        for (String command : HelpTest.commands().toList()) {
            Result result = command.isEmpty() ? run("--help") : run(command, "--help");

            assertThat(result.exitCode()).as(command).isEqualTo(ExitCode.OK);
            assertThat(result.err()).as(command).isEmpty();
            assertThat(HelpTest.leftovers(result.out())).as(command).isEmpty();
        }
    }

    @Test
    void theCompletionScriptCompletesCommandsAndOptionsInBash() throws Exception {
        Result completion = run("completion");
        assertThat(completion.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(completion.err()).isEmpty();
        Path script = Files.createTempFile("sweep-completion", ".bash");
        try {
            Files.writeString(script, completion.out());
            // What bash sets before it calls a completion function: the words so far, the one being completed last.
            String complete = "complete_for() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMP_LINE=\"$*\";"
                    + " COMP_POINT=${#COMP_LINE}; _complete_sweep; echo \"${COMPREPLY[*]}\"; };"
                    + " complete_for sweep sel; complete_for sweep buy --qu; complete_for sweep ''";
            Process bash = new ProcessBuilder("bash", "-c", "source \"$0\"; " + complete, script.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor()).isZero();

            assertThat(out.lines()).containsExactly("sell", "--quote",
                    String.join(" ", HelpTest.commands().filter(command -> !command.isEmpty()).toList()));
        } finally {
            Files.delete(script);
        }
    }

    @Test
    void theMainJobRunsAgainstTheBuiltInSimulator() throws Exception {
        Result result = run("sell", "15", "--demo");

        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("DEMO · simulated exchanges").contains("kraken  taker fee 0.4% · LIVE")
                .contains("coinbase  taker fee 1.2% · LIVE").contains("gemini*  taker fee 0.4% · LIVE")
                .containsPattern("\nbinance  taker fee 0.1% · LIVE · [0-9]+ ms old · USDT book converted to USD\n")
                .containsPattern("\nbybit  taker fee 0.1% · LIVE · [0-9]+ ms old · USDT book converted to USD\n")
                .containsPattern("\nokx  taker fee 0.1% · LIVE · [0-9]+ ms old · USDT book converted to USD\n")
                .containsPattern("\nconverted at 1 USDT = [0-9.]+ USD · the USDT-USD bid on (kraken|coinbase)")
                .contains("binance, bybit, okx\n")
                .contains("merged book  6 venues · includes 1 unverified book");
    }

    @Test
    void aSymbolNoVenueListsFailsAtOnceWithOneLineAndNoStackTrace() throws Exception {
        long start = System.nanoTime();
        Result result = run("sell", "1", "--symbol", "DOGE-USD", "--demo", "--timeout", "60s");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(result.exitCode()).isEqualTo(ExitCode.FEED_FAILURE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("sweep: no live DOGE-USD book: kraken REJECTED (").endsWith(")\n");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void unreachableVenuesFailAtOnceWithOneLineAndNoStackTrace() throws Exception {
        long start = System.nanoTime();
        Result result = run("sell", "15", "--timeout", "60s", "--venues", "kraken,coinbase,gemini",
                "--endpoint", "kraken=ws://nosuchhost.invalid/kraken/v2",
                "--endpoint", "coinbase=ws://nosuchhost.invalid/coinbase",
                "--endpoint", "gemini=ws://127.0.0.1:1/gemini/v2/marketdata");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(result.exitCode()).isEqualTo(ExitCode.FEED_FAILURE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("sweep: no live BTC-USD book:"
                + " kraken UNREACHABLE (cannot connect: unknown host nosuchhost.invalid);"
                + " coinbase UNREACHABLE (cannot connect: unknown host nosuchhost.invalid);"
                + " gemini UNREACHABLE (cannot connect: Connection refused (127.0.0.1:1))."
                + " Try --demo to run against the built-in simulator.\n");
    }

    @Test
    void aLogFolderThatCannotHoldTheLogsIsOneLineAndExitTwo(@TempDir Path folder) throws Exception {
        Files.createDirectory(folder.resolve("feed.log"));

        Result result = run("sell", "1", "--demo", "--json", "--log-dir", folder.toString());

        assertThat(result).isEqualTo(new Result(ExitCode.USAGE, "",
                "sweep: --log-dir " + folder + ": cannot open feed.log: is a directory\n"));
    }

    @Test
    void withoutAUsableDefaultLogFolderTheReportIsStdoutAndStderrOneLine(@TempDir Path temp) throws Exception {
        // Both default folders lie under a regular file: tests may run as root, who can write read-only folders.
        Path file = Files.createFile(temp.resolve("file"));

        Result result = run(Map.of("XDG_STATE_HOME", file.toString(), "USER", "tester"),
                List.of("-Djava.io.tmpdir=" + file), "sell", "1", "--demo", "--json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        assertThat(result.out().lines()).hasSize(1);
        assertThat(new ObjectMapper().readTree(result.out()).get("source").asText()).isEqualTo("demo");
        assertThat(result.err()).isEqualTo("sweep: logs are off: " + file.resolve("sweep") + ": not a directory; "
                + file.resolve("sweep-tester") + ": not a directory (give --log-dir DIR to keep them)\n");
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
    void sigtermClosesTheConnectionsWithACloseFrame() throws Exception {
        try (RawWebSocketServer venue = new RawWebSocketServer()) {
            Process process = new ProcessBuilder(java(), "-jar", JAR.toString(), "sell", "1", "--venues", "kraken",
                    "--timeout", "60s", "--endpoint", "kraken=" + venue.endpoint("/kraken/v2"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                venue.nextFrame(RawWebSocketServer.TEXT, Duration.ofSeconds(30));

                process.destroy();

                assertThat(venue.nextFrame(RawWebSocketServer.CLOSE, Duration.ofSeconds(10)).closeCode())
                        .isEqualTo(1000);
                assertThat(venue.nextFrame(Duration.ofSeconds(10)).opcode())
                        .isEqualTo(RawWebSocketServer.END_OF_STREAM);
            } finally {
                process.destroy();
                assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(process.exitValue()).as("SIGTERM").isEqualTo(143);
        }
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
    void simServesEveryVenueUntilStopped() throws Exception {
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
            // A venue whose snapshots come over REST has its REST URL on the same port beside its WebSocket's.
            assertThat(out.readLine().trim()).matches("binance +ws://127\\.0\\.0\\.1:(\\d+)/binance/ws  REST"
                    + " http://127\\.0\\.0\\.1:\\1/binance");

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

    /** The working copy's commit as the build abbreviates it, or "unknown" outside a git working copy. */
    private static String headCommit() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return git.waitFor() == 0 ? head.substring(0, 7) : "unknown";
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), List.of(), args);
    }

    /** Runs the jar with more environment variables and JVM options. */
    private static Result run(Map<String, String> environment, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        // stderr goes to a file so that neither stream can fill its pipe while the other is read.
        Path errFile = Files.createTempFile("sweep-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectError(errFile.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return new Result(process.exitValue(), out, Files.readString(errFile));
        } finally {
            Files.delete(errFile);
        }
    }
}
