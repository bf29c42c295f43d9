package dev.sweep.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.sim.SimulatorConfig.TlsIdentity;
import dev.sweep.venue.Venues;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds over TLS against the simulator serving {@code wss://} on loopback with a self-signed certificate: refused
 * by default, accepted with a trust store that holds it, and refused again when the certificate names another host.
 */
@Timeout(90)
class TlsTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    static final String PASSWORD = "test-only";

    @TempDir
    Path folder;

    @Test
    void aSelfSignedCertificateIsRefusedUnlessTrusted() throws Exception {
        Path keyStore = keyStore("ip:127.0.0.1,dns:localhost");
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withTls(
                new TlsIdentity(keyStore, PASSWORD)))) {
            assertThat(simulator.endpoint("kraken").getScheme()).isEqualTo("wss");

            List<BookView> refused = views(simulator, FeedSettings.defaults());
            assertThat(refused).allSatisfy(view -> {
                assertThat(view.state()).isEqualTo(BookState.SYNCING);
                assertThat(view.lastProblem()).contains("certification path");
            });

            List<BookView> trusted = views(simulator, FeedSettings.defaults().withTrustStore(keyStore, PASSWORD));
            assertThat(trusted).allMatch(BookView::isLive);
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
        Path keyStore = keyStore("dns:exchange.example");
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withTls(
                new TlsIdentity(keyStore, PASSWORD)))) {
            List<BookView> views = views(simulator, FeedSettings.defaults().withTrustStore(keyStore, PASSWORD));
            assertThat(views).allSatisfy(view -> {
                assertThat(view.isLive()).isFalse();
                assertThat(view.lastProblem()).containsIgnoringCase("subject alternative");
            });
        }
    }

    @Test
    void wssToAPlainHttpServerSaysTheServerDidNotAnswerTls() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerInPlainHttp(plain), "plain-http");
            server.start();
            URI endpoint = URI.create("wss://127.0.0.1:" + plain.getLocalPort() + "/");
            Map<String, URI> endpoints = new HashMap<>();
            Venues.all().forEach(venue -> endpoints.put(venue.name(), endpoint));

            try (FeedManager feeds = new FeedManager(Venues.all(), endpoints, List.of(BTC_USD),
                    FeedSettings.defaults().withBackoff(Duration.ofMillis(100), Duration.ofMillis(500))).start()) {
                // The first TLS handshake of a JVM can take seconds on a busy machine: wait for each verdict.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                List<BookView> views = feeds.views(BTC_USD);
                while (views.stream().anyMatch(view -> view.lastProblem() == null) && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(50);
                    views = feeds.views(BTC_USD);
                }
                assertThat(views).allSatisfy(view -> {
                    assertThat(view.isLive()).isFalse();
                    assertThat(view.lastProblem()).isEqualTo("the server did not answer TLS: does the endpoint speak"
                            + " plain WebSocket? (then use ws:// instead of wss://)");
                });
            }
        }
    }

    /** What a plain HTTP server says to bytes it cannot read (here, a TLS ClientHello), until the socket closes. */
    static void answerInPlainHttp(ServerSocket plain) {
        while (!plain.isClosed()) {
            try (Socket client = plain.accept()) {
                client.getInputStream().read(new byte[4096]);
                client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closed) {
                // The test is over, or the client gave up: either way, next connection or exit.
            }
        }
    }

    private static List<BookView> views(Simulator simulator, FeedSettings settings) throws InterruptedException {
        try (FeedManager feeds = new FeedManager(Venues.all(), FeedManagerTest.endpoints(simulator), List.of(BTC_USD),
                settings.withBackoff(Duration.ofMillis(100), Duration.ofMillis(500))).start()) {
            return feeds.awaitLive(BTC_USD, Duration.ofSeconds(3), ignored -> { });
        }
    }

    private Path keyStore(String names) throws IOException, InterruptedException {
        return keyStore(folder, names);
    }

    /** A PKCS#12 key store in the folder with a fresh self-signed certificate for these subject alternative names. */
    static Path keyStore(Path folder, String names) throws IOException, InterruptedException {
        Path store = folder.resolve("sim-" + names.hashCode() + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "sim", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=sweep-test",
                "-ext", "SAN=" + names, "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as("keytool").isZero();
        return store;
    }
}
