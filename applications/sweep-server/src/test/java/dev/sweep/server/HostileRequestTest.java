package dev.sweep.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests written to hurt, sent as raw bytes over a socket (as curl or an attacker sends what it is given, unlike
 * Java's client, which refuses or normalises some): every one is answered with its status and one line of JSON
 * saying what is wrong, never 500 and never a stack trace.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;
    static SweepServer server;

    @BeforeAll
    static void serve() throws IOException {
        Path file = Files.writeString(folder.resolve("books.json"), ApiTest.BOOKS);
        server = SweepServer.start(ServerConfig.on(ServerConfig.LOOPBACK, 0), FileBooks.read(file, List.of(),
                List.of()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> hostileRequests() {
        return Stream.of(
                Arguments.of("/api/v1/sweep?side=sell&qty=abc", 400, "qty 'abc' is not valid: not a decimal number"),
                Arguments.of("/api/v1/sweep?side=sell&qty=NaN", 400, "qty 'NaN' is not valid: not a decimal number"),
                Arguments.of("/api/v1/sweep?side=sell&qty=Infinity", 400,
                        "qty 'Infinity' is not valid: not a decimal number"),
                Arguments.of("/api/v1/sweep?side=sell&qty=1e9999", 400,
                        "qty '1e9999' is not valid: exponent notation is not allowed"),
                Arguments.of("/api/v1/sweep?side=sell&qty=0x10", 400, "qty '0x10' is not valid: not a decimal number"),
                Arguments.of("/api/v1/sweep?side=sell&qty=", 400, "qty '' is not valid: empty"),
                Arguments.of("/api/v1/sweep?side=sell&qty=-0.5", 400,
                        "qty '-0.5' is not valid: must be a positive number"),
                Arguments.of("/api/v1/sweep?side=sell&qty=" + "9".repeat(199), 400, null),
                Arguments.of("/api/v1/sweep?side=sell&quote=" + "9".repeat(199), 400, null),
                Arguments.of("/api/v1/sweep?side=sell&qty=0.000000000000000000001", 400, null),
                Arguments.of("/api/v1/sweep?side=SELL&qty=1", 400, "side must be sell or buy, not 'SELL'"),
                Arguments.of("/api/v1/sweep?side=&qty=1", 400, "side is required"),
                Arguments.of("/api/v1/sweep?side=%00&qty=1", 400, "side contains a control character"),
                Arguments.of("/api/v1/sweep?side=sell&side=buy&qty=1", 400, "side is given 2 times"),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&symbol=BTC-USD&symbol=ETH-USD", 400,
                        "symbol is given 2 times"),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&symbol=../../etc/passwd", 400, null),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&symbol=%2e%2e%2f%2e%2e", 400, null),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&symbol=BTC-USD%00", 400,
                        "symbol contains a control character"),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&symbol=%0ABTC-USD", 400,
                        "symbol contains a control character"),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&venues=kraken&venues=kraken", 400,
                        "venues names kraken twice"),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&venues=..%2F..%2Fetc", 404, null),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&" + "x".repeat(300) + "=1", 400, null),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&" + "fee=none&".repeat(30) + "fee=none", 400,
                        "fee has more than 20 items"),
                Arguments.of("/api/v1/sweep?" + "side=sell&".repeat(500), 414, "request line longer than 4096 bytes"),
                Arguments.of("/api/v1/curve?side=sell&sizes=1e400", 400, null),
                Arguments.of("/api/v1/curve?side=sell&sizes=-1", 400, null),
                Arguments.of("/api/v1/curve?side=sell&sizes=" + "9".repeat(199), 400, null),
                Arguments.of("/api/v1/depth?bands=-1", 400, null),
                Arguments.of("/api/v1/depth?bands=0", 400, null),
                Arguments.of("/api/v1/depth?bands=1e-400", 400, null),
                Arguments.of("/api/v1/depth?bands=abc", 400, null),
                Arguments.of("/api/v1/books/kraken/BTC-USD?depth=99999999999", 400,
                        "depth must be a whole number from 1 to 1000000, not '99999999999'"),
                Arguments.of("/api/v1/books/kraken/BTC-USD?depth=-1", 400,
                        "depth must be a whole number from 1 to 1000000, not '-1'"),
                Arguments.of("/api/v1/books/kraken/BTC-USD?depth=1&depth=2", 400, "depth is given 2 times"),
                Arguments.of("/api/v1/books/..%2F..%2Fetc/passwd", 404, null),
                Arguments.of("/api/v1/books/kraken/..%2F..%2Fetc%2Fpasswd", 400, null),
                Arguments.of("/api/v1/books/kraken/%00", 400, null),
                Arguments.of("/api/v1/books/kraken/BTC-USD%09", 400, null),
                Arguments.of("/api/v1/stream?side=sell&qty=1&interval=99999999999999999999s", 400, null),
                Arguments.of("/api/v1/stream?side=sell&qty=1&interval=-1s", 400, null),
                Arguments.of("/api/v1/health?verbose=1", 400, "unknown parameter 'verbose' (parameters: )"),
                Arguments.of("/metrics?name=x", 400, null),
                Arguments.of("/../../etc/passwd", 404, null),
                Arguments.of("/%2e%2e/%2e%2e/etc/passwd", 404, null),
                Arguments.of("/assets/..%2f..%2fMETA-INF%2fMANIFEST.MF", 404, null),
                Arguments.of("/app.js/../../../../etc/passwd", 404, null),
                Arguments.of("/api/v1/sweep/../../../etc/passwd", 404, null));
    }

    @ParameterizedTest
    @MethodSource("hostileRequests")
    void aHostileRequestIsAnsweredWithItsStatusAndOneLineOfJson(String target, int status, String error)
            throws IOException {
        Raw response = get(target, "");

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertOneLineOfJson(response, error);
    }

    @Test
    void oversizedHeadersAreRefusedWithOneLineOfJson() throws IOException {
        Raw response = get("/api/v1/health", "X-Pad: " + "x".repeat(2 * ApiVerticle.MAX_HEADERS) + "\r\n");

        assertThat(response.status()).isEqualTo(431);
        assertOneLineOfJson(response, "request headers larger than 8192 bytes");
    }

    @Test
    void aRequestThatIsNotHttpIsRefusedWithOneLineOfJson() throws IOException {
        Raw response = get("/api/v1/health HTTP/1.1 extra", "");

        assertThat(response.status()).isEqualTo(400);
        assertOneLineOfJson(response, "malformed HTTP request");
    }

    @Test
    void moreStreamClientsThanTheLimitAreRefusedWithOneLineOfJsonUntilOneLeaves() throws Exception {
        URI stream = URI.create("ws://127.0.0.1:" + server.uri().getPort() + "/api/v1/stream?side=sell&qty=1");
        HttpClient client = HttpClient.newHttpClient();
        List<WebSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < StreamApi.MAX_CLIENTS; i++) {
                sockets.add(client.newWebSocketBuilder().buildAsync(stream, new WebSocket.Listener() { })
                        .get(10, TimeUnit.SECONDS));
            }

            Raw refused = get("/api/v1/stream?side=sell&qty=1", "");
            assertThat(refused.status()).isEqualTo(503);
            assertOneLineOfJson(refused, "the stream has 100 clients already");

            sockets.remove(0).abort();
            sockets.add(awaitAccepted(client, stream));
        } finally {
            sockets.forEach(WebSocket::abort);
        }
    }

    /** A client accepted once the server saw a place freed, which it learns asynchronously. */
    private static WebSocket awaitAccepted(HttpClient client, URI stream) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return client.newWebSocketBuilder().buildAsync(stream, new WebSocket.Listener() { })
                        .get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException refused) {
                assertThat(System.nanoTime()).as("a place freed: " + refused).isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
    }

    private static void assertOneLineOfJson(Raw response, String error) throws IOException {
        assertThat(response.headers()).containsIgnoringCase("Content-Type: application/json; charset=utf-8");
        assertThat(response.body()).endsWith("\n").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(response.body().strip()).doesNotContain("\n");
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.get("error").isTextual()).as(response.body()).isEqualTo(true);
        if (error != null) {
            assertThat(document.get("error").asText()).isEqualTo(error);
        }
    }

    /** Sends a GET of the target as given, byte for byte, and reads the whole answer. */
    static Raw get(String target, String extraHeaders) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.uri().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String head = end < 0 ? answer : answer.substring(0, end);
            String body = end < 0 ? "" : answer.substring(end + 4);
            return new Raw(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }

    record Raw(int status, String headers, String body) {
    }
}
