package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.venue.Venues;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code sweep serve} as users run it: the packaged jar as a process, its output, its answers and its stop. */
@Timeout(60)
class ServeJarIT {

    private static final Path JAR = Path.of("target", "sweep.jar");
    private static final Path EXAMPLE = Path.of("..", "..", "examples", "books.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)$");

    /** The second file has a venue quoting only in USDT and the USDT-USD books: both convert it alike. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "books.json      | kraken, coinbase, gemini; BTC-USD",
            "books-usdt.json | kraken, binance, coinbase; BTC-USD, BTC-USDT, USDT-USD"})
    void servesTheSweepDocumentTheCommandLinePrintsAndStopsOnSigterm(String name, String served, @TempDir Path logs)
            throws Exception {
        Path example = EXAMPLE.resolveSibling(name);
        Path err = logs.resolve("err.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "serve", "--from", example.toString(), "--port", "0", "--log-dir",
                logs.toString()).redirectError(err.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher url = URL.matcher(first);
            assertThat(url.find()).as(first).isTrue();
            assertThat(first).startsWith("sweep serving the books of " + example + " (" + served + ") at ");
            assertThat(out.readLine()).isEqualTo("API " + url.group(1) + "api/v1/ · Ctrl-C to stop.");

            HttpResponse<String> sweep = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(url.group(1) + "api/v1/sweep?side=sell&qty=15")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(sweep.statusCode()).isEqualTo(200);
            assertThat(sweep.body()).isEqualTo(CliRun.of("sell", "15", "--from", example.toString(), "--json").out());
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
        assertThat(process.exitValue()).as("SIGTERM").isEqualTo(143);
        assertThat(Files.readString(err)).isEmpty();
    }

    /**
     * {@code serve --demo} follows the USDT venues' BTC-USDT books and the USDT-USD rate books, as {@code sweep sell}
     * does: its sweep takes all six venues, three converted with their rates named; {@code convert=false} only the
     * three quoting in USD, and a USDT venue asked for then is refused with the reason.
     */
    @Test
    void servesTheDemoWithTheUsdtVenuesConvertedUnlessConvertIsFalse(@TempDir Path logs) throws Exception {
        Path err = logs.resolve("err.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "serve", "--demo", "--port", "0", "--log-dir", logs.toString())
                .redirectError(err.toFile()).start();
        try {
            String first = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            Matcher url = URL.matcher(first);
            assertThat(url.find()).as(first).isTrue();
            assertThat(first).startsWith("sweep serving the simulator's books (" + String.join(", ", Venues.names())
                    + "; BTC-USD) at ");

            JsonNode sweep = awaitVenues(URI.create(url.group(1) + "api/v1/sweep?side=sell&qty=15"), 6);
            List<String> converted = new ArrayList<>();
            for (JsonNode venue : sweep.get("venues")) {
                if (venue.get("quote").asText().equals("USDT")) {
                    converted.add(venue.get("venue").asText());
                    assertThat(venue.at("/rate/pair").asText()).isEqualTo("USDT-USD");
                    assertThat(venue.at("/rate/source").asText()).isIn("kraken", "coinbase");
                    assertThat(venue.at("/rate/ageMs").isNumber()).as(venue.toString()).isTrue();
                }
            }
            assertThat(converted).containsExactlyInAnyOrder("binance", "okx", "bybit");
            assertThat(sweep.at("/merged/conversions").size()).isEqualTo(3);

            JsonNode unconverted = awaitVenues(URI.create(url.group(1) + "api/v1/sweep?side=sell&qty=15&convert=false"),
                    3);
            assertThat(unconverted.get("venues").findValuesAsText("quote")).containsOnly("USD");

            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    url.group(1) + "api/v1/sweep?side=sell&qty=1&venues=okx&convert=false")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("okx has no BTC-USD book: it"
                    + " quotes in USDT, which this sweep does not convert (convert=false)");
            assertThat(JSON.readTree(refused.body()).get("parameter").asText()).isEqualTo("venues");
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
        assertThat(Files.readString(err)).isEmpty();
    }

    /** Asks until the sweep takes {@code venues} live venues, for at most 30 s. */
    private static JsonNode awaitVenues(URI uri, int venues) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode sweep = JSON.readTree(response.body());
                if (sweep.get("venues").size() == venues) {
                    return sweep;
                }
            }
            assertThat(System.nanoTime()).as(response.body()).isLessThan(deadline);
            Thread.sleep(200);
        }
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
