package dev.sweep.kafka;

import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real one-node KRaft broker in this JVM, from Apache Kafka's own test kit, on free loopback ports. */
public final class Broker implements AutoCloseable {

    private final KafkaClusterTestKit kafka;

    private Broker(KafkaClusterTestKit kafka) {
        this.kafka = kafka;
    }

    public static Broker start() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumControllerNodes(1)
                .setNumBrokerNodes(1).build();
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                // A broker is ready once a heartbeat after its registration unfences it: sooner than every 2 s, the default.
                .setConfigProp("broker.heartbeat.interval.ms", "200")
                // A restarted broker registers anew only once the controller let its old session expire: sooner than
                // after 9 s, the default, and still long enough for a heartbeat late on a busy machine.
                .setConfigProp("broker.session.timeout.ms", "3000")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        return new Broker(kafka);
    }

    /** Stops the broker (the controller stays up), as a broker that crashes or is taken down for maintenance. */
    void stopBroker() {
        for (BrokerServer server : kafka.brokers().values()) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    /** Starts the stopped broker again, on the same port, with the logs it had. */
    void startBroker() throws Exception {
        for (BrokerServer server : kafka.brokers().values()) {
            server.startup();
        }
        kafka.waitForReadyBrokers();
    }

    public String bootstrap() {
        return kafka.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        kafka.close();
    }
}
