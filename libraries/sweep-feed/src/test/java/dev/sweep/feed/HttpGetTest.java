package dev.sweep.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The snapshot GET against a real HTTP server on loopback (the JDK's): a body comes back whole, and every way a
 * request fails comes back as one line: the status with what the server said, a timeout, a body over the bound, a
 * refused connection, an unknown host, TLS spoken to a plain server.
 */
@Timeout(60)
class HttpGetTest {

    private static final FeedSettings SETTINGS = FeedSettings.defaults();

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final HttpServer server = server();
    private final CountDownLatch release = new CountDownLatch(1);

    /** What a request ended with. */
    private record Answer(String body, String failure, Duration retryAfter) {
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    @Test
    void aBodyComesBackWhole() throws Exception {
        String body = "{\"lastUpdateId\":7,\"bids\":[[\"100.5\",\"2\"]],\"asks\":[]}".repeat(1000);
        serve("/api/v3/depth", exchange -> respond(exchange, 200, body));

        assertThat(get("/api/v3/depth?symbol=BTCUSD&limit=5000")).isEqualTo(new Answer(body, null, Duration.ZERO));
    }

    @Test
    void anErrorStatusIsTheStatusAndWhatTheServerSaid() throws Exception {
        serve("/api/v3/depth", exchange -> respond(exchange, 400, "{\"code\":-1121,\n\"msg\":\"Invalid symbol.\"}"));

        assertThat(get("/api/v3/depth?symbol=PUPSUSD").failure())
                .isEqualTo("HTTP 400 Bad Request: {\"code\":-1121, \"msg\":\"Invalid symbol.\"}");
    }

    @Test
    void aServerThatAsksForTimeIsGivenIt() throws Exception {
        serve("/busy", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "30");
            respond(exchange, 429, "<html>" + "x".repeat(1000) + "</html>");
        });

        Answer answer = get("/busy");

        assertThat(answer.failure()).startsWith("HTTP 429 Too Many Requests: <html>xxx").endsWith("x…");
        assertThat(answer.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsGivenUpOn() throws Exception {
        serve("/slow", exchange -> {
            awaitRelease();
            respond(exchange, 200, "{}");
        });

        assertThat(get("/slow", FeedSettings.defaults().withConnectTimeout(Duration.ofMillis(500))).failure())
                .isEqualTo("no answer within 500 ms");
    }

    @Test
    void aBodyLargerThanTheBoundIsRefused() throws Exception {
        int bound = 64 * 1024;
        serve("/huge", exchange -> respond(exchange, 200, "[" + "1,".repeat(bound) + "1]"));

        Answer answer = get("/huge", new FeedSettings(Duration.ofSeconds(5), bound, Duration.ofMillis(250),
                Duration.ofSeconds(30), null, null, System::nanoTime));

        assertThat(answer.failure()).isEqualTo("the answer is larger than 65536 bytes");
    }

    @Test
    void aRefusedConnectionAndAnUnknownHostAreSaidPlainly() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        assertThat(get(URI.create("http://127.0.0.1:" + closed + "/x"), SETTINGS).failure())
                .isEqualTo("cannot connect: Connection refused (127.0.0.1:" + closed + ")");
        assertThat(get(URI.create("https://nosuchhost.invalid/x"), SETTINGS).failure())
                .isEqualTo("cannot connect: unknown host nosuchhost.invalid");
    }

    @Test
    void httpsToAPlainServerSaysTheServerDidNotAnswerTls() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            new Thread(() -> TlsTest.answerInPlainHttp(plain), "plain-http").start();

            assertThat(get(URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/"), SETTINGS).failure())
                    .isEqualTo("the server did not answer TLS: does the endpoint speak plain HTTP? (then use http://"
                            + " instead of https://)");
        }
    }

    private Answer get(String target) throws Exception {
        return get(target, SETTINGS);
    }

    private Answer get(String target, FeedSettings settings) throws Exception {
        return get(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + target), settings);
    }

    private Answer get(URI uri, FeedSettings settings) throws Exception {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        group.next().execute(() -> HttpGet.get(uri, group.next(), FeedManager.tls(settings), settings,
                new HttpGet.Callback() {
                    @Override
                    public void onBody(byte[] body) {
                        answer.complete(new Answer(new String(body, StandardCharsets.UTF_8), null, Duration.ZERO));
                    }

                    @Override
                    public void onFailure(String reason, Duration retryAfter) {
                        answer.complete(new Answer(null, reason, retryAfter));
                    }
                }));
        return answer.get(30, TimeUnit.SECONDS);
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void serve(String path, Handler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
        server.start();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpServer server() {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
