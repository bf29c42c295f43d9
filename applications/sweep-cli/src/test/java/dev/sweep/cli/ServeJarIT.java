package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep serve} as users run it: the packaged jar as a process, its output, its answers and its stop. */
@Timeout(60)
class ServeJarIT {

    private static final Path JAR = Path.of("target", "sweep.jar");
    private static final Path EXAMPLE = Path.of("..", "..", "examples", "books.json");
    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)$");

    @Test
    void servesTheSweepDocumentTheCommandLinePrintsAndStopsOnSigterm(@TempDir Path logs) throws Exception {
        Path err = logs.resolve("err.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "serve", "--from", EXAMPLE.toString(), "--port", "0", "--log-dir",
                logs.toString()).redirectError(err.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher url = URL.matcher(first);
            assertThat(url.find()).as(first).isTrue();
            assertThat(first).startsWith("sweep serving the books of " + EXAMPLE + " (kraken, coinbase, gemini;"
                    + " BTC-USD) at ");
            assertThat(out.readLine()).isEqualTo("API " + url.group(1) + "api/v1/ · Ctrl-C to stop.");

            HttpResponse<String> sweep = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(url.group(1) + "api/v1/sweep?side=sell&qty=15")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(sweep.statusCode()).isEqualTo(200);
            assertThat(sweep.body()).isEqualTo(CliRun.of("sell", "15", "--from", EXAMPLE.toString(), "--json").out());
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
        assertThat(process.exitValue()).as("SIGTERM").isEqualTo(143);
        assertThat(Files.readString(err)).isEmpty();
    }

    @Test
    void aPortInUseIsOneLineAndExitTwo(@TempDir Path logs) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", JAR.toString(), "serve", "--from", EXAMPLE.toString(), "--port",
                    Integer.toString(taken.getLocalPort()), "--log-dir", logs.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).isEqualTo(ExitCode.USAGE);
            assertThat(err).startsWith("sweep: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .doesNotContain("\tat ");
            assertThat(err.lines().count()).isEqualTo(1);
        }
    }
}
