package io.brokergate.messaging.kafka.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one node) for tests, without
 * Docker: in this JVM (Kafka's own test kit, ready in about 3 s) or in a child JVM running the
 * production classes ({@code kafka.Kafka} after {@code StorageTool format}), which a test can kill.
 * Tuned for tests: groups rebalance at once, session timeouts down to 500 ms are allowed, internal
 * topics have one partition and one replica, and topics are never auto-created (the services
 * create theirs).
 */
public final class KafkaTestBroker implements AutoCloseable {

    /** Broker settings that keep group and topic tests fast; the rest are Kafka's defaults. */
    public static final Map<String, String> TEST_SETTINGS = Map.of(
            "group.initial.rebalance.delay.ms", "0",
            "group.min.session.timeout.ms", "500",
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "auto.create.topics.enable", "false");

    private static KafkaTestBroker shared;

    private final String bootstrapServers;
    private final AutoCloseable running;
    private boolean closed;

    private KafkaTestBroker(String bootstrapServers, AutoCloseable running) {
        this.bootstrapServers = bootstrapServers;
        this.running = running;
    }

    /** One in-process broker for every test of this JVM (a test module's surefire run), stopped when the run ends. */
    public static synchronized KafkaTestBroker shared() {
        if (shared == null) {
            shared = inProcess();
        }
        return shared;
    }

    /** Stops the shared broker, if one was started ({@link SharedBrokerShutdown}). */
    static synchronized void stopShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    /** A broker in this JVM. */
    public static KafkaTestBroker inProcess() {
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction()).build());
            TEST_SETTINGS.forEach(builder::setConfigProp);
            KafkaClusterTestKit kit = builder.build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new KafkaTestBroker(kit.bootstrapServers(), kit);
        } catch (Exception e) {
            throw new IllegalStateException("the in-process Kafka broker did not start", e);
        }
    }

    /**
     * A broker in a child JVM with this JVM's class path, its data and log under {@code dir}; ready
     * when it answers a cluster description. Closing it stops the process (SIGTERM, then SIGKILL).
     */
    public static KafkaTestBroker childProcess(Path dir) {
        try {
            Files.createDirectories(dir);
            int port = freePort();
            int controllerPort = freePort();
            Path config = dir.resolve("server.properties");
            Properties p = new Properties();
            TEST_SETTINGS.forEach(p::setProperty);
            p.setProperty("process.roles", "broker,controller");
            p.setProperty("node.id", "1");
            p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            p.setProperty("controller.listener.names", "CONTROLLER");
            p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.setProperty("log.dirs", dir.resolve("data").toString());
            try (var out = Files.newBufferedWriter(config)) {
                p.store(out, "KafkaTestBroker child process");
            }
            Process format = run(dir, "format", List.of("kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId(),
                    "-c", config.toString()));
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka broker's storage failed: " + Files.readString(dir.resolve("format.log")));
            }
            Process broker = run(dir, "broker", List.of("kafka.Kafka", config.toString()));
            String bootstrap = "127.0.0.1:" + port;
            KafkaTestBroker started = new KafkaTestBroker(bootstrap, () -> stop(broker));
            started.awaitReady(broker, Duration.ofSeconds(60));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Client settings that reach this broker. */
    public Map<String, Object> clientConfig() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            running.close();
        } catch (Exception e) {
            throw new IllegalStateException("the Kafka broker did not stop cleanly", e);
        }
    }

    private void awaitReady(Process broker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("the Kafka broker process exited with " + broker.exitValue() + " (see its log)");
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000))) {
                admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                Thread.sleep(200);
            }
        }
        stop(broker);
        throw new IllegalStateException("the Kafka broker process was not ready within " + timeout);
    }

    private static Process run(Path dir, String name, List<String> mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private static void stop(Process broker) throws InterruptedException {
        broker.destroy();
        if (!broker.waitFor(20, TimeUnit.SECONDS)) {
            broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A KRaft cluster id: 16 random bytes, base64url without padding. One in 64 starts with '-', which
     * the storage tool would read as an option unless it is passed as {@code --cluster-id=…}.
     */
    private static String clusterId() {
        UUID u = UUID.randomUUID();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
