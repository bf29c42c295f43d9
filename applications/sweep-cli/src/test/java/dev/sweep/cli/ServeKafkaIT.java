package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.kafka.Broker;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep serve --kafka} as users run it: the packaged jar as a process serving the books that {@code sweep
 * publish --demo} writes to a real KRaft broker in this JVM.
 */
@Timeout(90)
class ServeKafkaIT {

    private static final Path JAR = Path.of("target", "sweep.jar");
    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)$");
    private static final Pattern LIVE = Pattern.compile("\"state\":\"LIVE\"");

    @Test
    void servesTheSweepOfTheBooksReadFromKafka(@TempDir Path logs) throws Exception {
        List<String> venues = Venues.listing(Instrument.of("BTC-USD")).stream().map(Venue::name).toList();
        try (Broker broker = Broker.start();
             CliWatch publish = CliWatch.start("publish", "--demo", "--kafka", broker.bootstrap(), "--log-dir",
                     Files.createDirectories(logs.resolve("publish")).toString())) {
            Path err = logs.resolve("err.txt");
            Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", JAR.toString(), "serve", "--kafka", broker.bootstrap(), "--port", "0", "--log-dir",
                    Files.createDirectories(logs.resolve("serve")).toString()).redirectError(err.toFile()).start();
            try {
                String first = new BufferedReader(new InputStreamReader(serve.getInputStream(),
                        StandardCharsets.UTF_8)).readLine();
                Matcher url = URL.matcher(first);
                assertThat(url.find()).as(first).isTrue();
                assertThat(first).startsWith("sweep serving ");

                HttpResponse<String> sweep = awaitLive(URI.create(url.group(1) + "api/v1/sweep?side=sell&qty=1"),
                        venues.size());

                assertThat(sweep.statusCode()).isEqualTo(200);
                for (String venue : venues) {
                    assertThat(sweep.body()).contains("\"" + venue + "\"");
                }
            } finally {
                serve.destroy();
                assertThat(serve.waitFor(10, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            }
            assertThat(Files.readString(err)).isEmpty();
            // Stopped as Ctrl-C stops it once the server is done: it runs as long as the server needs.
            assertThat(publish.stop(Duration.ofSeconds(10))).as(publish.err()).isEqualTo(ExitCode.OK);
        }
    }

    /** Asks until every book of the answer is live, for at most 30 s. */
    private static HttpResponse<String> awaitLive(URI uri, int books) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && LIVE.matcher(response.body()).results().count() == books) {
                return response;
            }
            assertThat(System.nanoTime()).as(response.body()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
