package dev.sweep.cli;

import dev.sweep.report.Durations;
import dev.sweep.report.UserInputException;
import java.net.URI;
import java.net.URISyntaxException;
import dev.sweep.feed.FeedSettings;
import dev.sweep.kafka.KafkaSettings;
import dev.sweep.report.VenueTexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options of every command that connects to venues. */
final class FeedOptions {

    /** The environment variable that holds the trust store's password: never an argument, never printed. */
    static final String TRUST_STORE_PASSWORD = "SWEEP_TRUST_STORE_PASSWORD";

    @Option(names = "--demo",
            description = "Run against the built-in exchange simulator on loopback instead of the live venues.")
    boolean demo;

    @Option(names = "--endpoint", paramLabel = "VENUE=URL",
            description = "Connect a venue somewhere else, e.g. ${bundle:venue.endpoint} (repeatable).")
    List<String> endpoints = new ArrayList<>();

    @Option(names = "--rest-endpoint", paramLabel = "VENUE=URL",
            description = "Fetch the snapshots of a venue whose WebSocket sends none somewhere else (sweep venues lists"
                    + " them with their REST endpoint), e.g. VENUE=http://127.0.0.1:8765/VENUE (repeatable).")
    List<String> restEndpoints = new ArrayList<>();

    @Option(names = "--kafka", paramLabel = "HOST:PORT[,HOST:PORT]",
            description = "A Kafka cluster: 'sweep publish' writes the books' events there, the other commands rebuild"
                    + " their books from them instead of connecting to the venues.")
    String kafka;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "sweep",
            description = "With --kafka: the topics are PREFIX.book.events and PREFIX.book.snapshots (default:"
                    + " ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
            description = "How long to wait for the books (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--trust-store", paramLabel = "FILE",
            description = "Trust the certificates in this key store (PKCS#12 or JKS) for wss:// and https:// instead of"
                    + " the JDK's; its password, if any, comes from the environment variable " + TRUST_STORE_PASSWORD
                    + ".")
    Path trustStore;

    @Option(names = "--log-dir", paramLabel = "DIR",
            description = "Folder of the log files feed.log, decoder.log, book.log and sweep.log (default:"
                    + " $XDG_STATE_HOME/sweep or ~/.local/state/sweep, else <tmp>/sweep-$USER; without a usable one,"
                    + " no logs).")
    Path logDir;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** Starts this run's logs in {@code --log-dir} or the default folder, the command line first. */
    void startLogs(Console console) {
        Logs.start(logDir, command.root().commandLine().getParseResult().originalArgs(), console.err());
    }

    /** Feed settings with the trust store, if one was given. */
    FeedSettings settings() {
        if (trustStore == null) {
            return FeedSettings.defaults();
        }
        if (!Files.isReadable(trustStore)) {
            throw new UserInputException("--trust-store: cannot read " + trustStore);
        }
        return FeedSettings.defaults().withTrustStore(trustStore, System.getenv(TRUST_STORE_PASSWORD));
    }

    /** Where {@code --kafka} points, with {@code --topic-prefix}. */
    KafkaSettings kafkaSettings() {
        try {
            return KafkaSettings.of(kafka).withTopicPrefix(topicPrefix);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    Duration timeout() {
        return Durations.parse("--timeout", timeout);
    }

    /** The {@code --endpoint} URLs by venue, each venue known and given once. */
    Map<String, URI> endpointUris() {
        return VenueSelection.urls("--endpoint", endpoints, VenueTexts.endpoint(),
                List.of("ws", "wss"), "a ws:// or wss://");
    }

    /** The {@code --rest-endpoint} URLs by venue: each venue known, given once, and one whose snapshots are REST's. */
    Map<String, URI> restEndpointUris() {
        Map<String, URI> uris = VenueSelection.urls("--rest-endpoint", restEndpoints,
                "VENUE=http://127.0.0.1:8765/VENUE", List.of("http", "https"), "an http:// or https://");
        for (String venue : uris.keySet()) {
            if (VenueSelection.venue(venue).restSnapshots().isEmpty()) {
                throw new UserInputException("--rest-endpoint: " + venue + " takes no REST endpoint: its WebSocket"
                        + " sends its snapshots");
            }
        }
        return uris;
    }
}
