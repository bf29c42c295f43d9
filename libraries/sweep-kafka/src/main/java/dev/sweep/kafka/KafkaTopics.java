package dev.sweep.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the two topics when they are missing, waiting for the brokers with backoff as long as it takes. */
public final class KafkaTopics {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private KafkaTopics() {
    }

    /** How a caller waits between two tries: true stops trying (the user asked to stop). */
    @FunctionalInterface
    public interface Pause {

        /** Sleeps without a stop to interrupt it. */
        Pause SLEEP = millis -> {
            Thread.sleep(millis);
            return false;
        };

        boolean pause(long millis) throws InterruptedException;
    }

    /**
     * Makes sure both topics exist: the events topic with {@code cleanup.policy=delete}, the snapshots topic with
     * {@code compact}, each with the settings' partitions and replication. Topics that exist are left as they are.
     *
     * @param pause between two tries, with a backoff that doubles up to a few seconds
     * @return false when {@code pause} said to stop before the topics were there
     * @throws InterruptedException when interrupted while waiting for the brokers
     */
    public static boolean ensure(KafkaSettings settings, KafkaStatus status, Pause pause)
            throws InterruptedException {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        long backoff = FIRST_BACKOFF.toMillis();
        boolean failed = false;
        try (Admin admin = Admin.create(properties)) {
            while (true) {
                try {
                    Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                    List<NewTopic> missing = new ArrayList<>();
                    if (!existing.contains(settings.eventsTopic())) {
                        missing.add(topic(settings, settings.eventsTopic(), TopicConfig.CLEANUP_POLICY_DELETE));
                    }
                    if (!existing.contains(settings.snapshotsTopic())) {
                        missing.add(topic(settings, settings.snapshotsTopic(), TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    create(admin, missing);
                    if (failed) {
                        status.onBrokerBack();
                    }
                    return true;
                } catch (ExecutionException | TimeoutException e) {
                    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                    status.onBrokerProblem("cannot create the topics on " + settings.bootstrap() + ": "
                            + cause.getMessage() + "; retrying in " + backoff + " ms");
                    failed = true;
                    if (pause.pause(backoff)) {
                        return false;
                    }
                    backoff = Math.min(MAX_BACKOFF.toMillis(), backoff * 2);
                }
            }
        }
    }

    private static void create(Admin admin, List<NewTopic> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(topics).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            // Another publisher created it in between: as good as ours.
        }
    }

    private static NewTopic topic(KafkaSettings settings, String name, String cleanup) {
        return new NewTopic(name, settings.partitions(), settings.replication())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup));
    }
}
