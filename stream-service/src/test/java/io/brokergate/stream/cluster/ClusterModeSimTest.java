package io.brokergate.stream.cluster;

import static io.brokergate.stream.upstream.SimUpstreamAccounts.ACCOUNT_A;
import static io.brokergate.stream.upstream.SimUpstreamAccounts.ACCOUNT_B;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.events.json.EventType;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.messaging.kafka.events.EventDeserializer;
import io.brokergate.messaging.kafka.events.EventSerializer;
import io.brokergate.messaging.kafka.testing.KafkaTestBroker;
import io.brokergate.sim.admin.SimAdminClient;
import io.brokergate.stream.events.ChannelStreamEvents;
import io.brokergate.stream.ownership.AccountOwnership;
import io.brokergate.stream.ownership.OwnedAccount;
import io.brokergate.stream.subscriptions.RefCountedUpstreamDemand;
import io.brokergate.stream.upstream.SimUpstreamAccounts;
import io.brokergate.stream.upstream.UpstreamSessions;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * stream-service in cluster mode against a real broker and the paper exchange: ownership comes from
 * the Kafka group, and events, intents and claims travel through Kafka topics, not inside the JVM.
 */
@QuarkusTest
@TestProfile(ClusterProfile.class)
class ClusterModeSimTest {

    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");

    @Inject
    AccountOwnership ownership;
    @Inject
    UpstreamSessions sessions;
    @Inject
    ChannelStreamEvents events;
    @Inject
    RefCountedUpstreamDemand demand;
    @Inject
    SimUpstreamAccounts upstream;
    @Inject
    MeterRegistry meters;

    private final List<AccountEvent> accountEvents = new CopyOnWriteArrayList<>();
    private final List<MarketDataEvent> marketData = new CopyOnWriteArrayList<>();
    private final List<Cancellable> subscriptions = new ArrayList<>();

    @BeforeEach
    void ownedThroughKafka() {
        await().atMost(Duration.ofSeconds(30)).until(() -> sessions.statuses().stream().filter(s -> s.isLive()).count() == 2);
        subscriptions.add(events.accountEvents().subscribe().with(accountEvents::add));
        subscriptions.add(events.marketData().subscribe().with(marketData::add));
    }

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(Cancellable::cancel);
    }

    @Test
    void accountsAreOwnedThroughTheGroupAndEventsIntentsAndClaimsTravelThroughKafka() {
        assertTrue(ownership.othersMayOwn(), "sharded ownership in cluster mode");
        long epochA = epochOf(ACCOUNT_A);

        demand.acquire(ACCOUNT_A, TENCENT, SubscriptionKind.QUOTE).await().atMost(Duration.ofSeconds(20));
        new SimAdminClient(upstream.sim().httpUrl()).movePrice("700.HK", "652");
        sessions.publisher(ACCOUNT_A).orElseThrow().connection("probe", "through Kafka");

        await().atMost(Duration.ofSeconds(20)).until(() -> marketData.stream().anyMatch(e -> e.instrument().equals(TENCENT)
                && e.stamp().accountId().equals(ACCOUNT_A)));
        await().atMost(Duration.ofSeconds(20)).until(() -> accountEvents.stream().anyMatch(e -> e.kind() == AccountEvent.Kind.CONNECTION
                && e.connection().state().equals("probe")));
        assertTrue(marketData.stream().filter(e -> e.stamp().accountId().equals(ACCOUNT_A)).allMatch(e -> e.stamp().epoch() == epochA));
        assertTrue(accountEvents.stream().filter(e -> e.stamp().accountId().equals(ACCOUNT_A)).allMatch(e -> e.stamp().epoch() == epochA));

        List<ConsumerRecord<String, byte[]>> orderEvents = records("order-events");
        assertTrue(orderEvents.stream().anyMatch(r -> r.key().equals(ACCOUNT_A) && type(r).equals(EventType.ACCOUNT_EVENT.wireName())),
                "order events keyed by account on the order-events topic");
        assertTrue(records("market-data").stream().anyMatch(r -> r.key().equals(ACCOUNT_A + "|700.HK")), "keyed by feed + instrument");
        assertTrue(records("subscription-intents").stream().anyMatch(r -> r.key().equals(ACCOUNT_A + "|" + ClusterProfile.POD)
                && new String(r.value(), StandardCharsets.UTF_8).contains("\"700.HK\":[\"QUOTE\"]")), "intents keyed by account + pod");
        assertTrue(records("account-shards").stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8)
                .contains("\"epoch\":" + epochA)), "the ownership claim behind the epoch");
        demand.release(ACCOUNT_A, TENCENT, SubscriptionKind.QUOTE);
    }

    @Test
    void aMalformedRecordIsCountedAndSkippedAndTheNextEventStillArrives() {
        double before = malformed();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.shared().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> garbage = new ProducerRecord<>("order-events", ACCOUNT_B, "{\"kind\":".getBytes(StandardCharsets.UTF_8));
            garbage.headers().add(EventSerializer.TYPE_HEADER, EventType.ACCOUNT_EVENT.wireName().getBytes(StandardCharsets.US_ASCII));
            raw.send(garbage);
            raw.send(new ProducerRecord<>("order-events", ACCOUNT_B, "no type".getBytes(StandardCharsets.UTF_8)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> malformed() >= before + 2);

        sessions.publisher(ACCOUNT_B).orElseThrow().connection("after-garbage", "the consumer kept going");
        await().atMost(Duration.ofSeconds(20)).until(() -> accountEvents.stream().anyMatch(e -> e.kind() == AccountEvent.Kind.CONNECTION
                && e.connection().state().equals("after-garbage")));
    }

    private double malformed() {
        return meters.find(EventDeserializer.MALFORMED).tag("topic", "order-events").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private long epochOf(String account) {
        OwnedAccount owned = sessions.owned().stream().filter(o -> o.accountId().equals(account)).findFirst().orElseThrow();
        assertTrue(owned.epoch() > 1_700_000_000_000L, "a claim epoch is at least the claim time in ms: " + owned.epoch());
        return owned.epoch();
    }

    private static List<ConsumerRecord<String, byte[]>> records(String topic) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "inspect-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            int empty = 0;
            while (System.nanoTime() < deadline && (all.isEmpty() || empty < 3)) {
                var batch = c.poll(Duration.ofMillis(300));
                batch.forEach(all::add);
                empty = batch.isEmpty() ? empty + 1 : 0;
            }
        }
        assertEquals(false, all.isEmpty(), "records on " + topic);
        return all;
    }

    private static String type(ConsumerRecord<String, byte[]> r) {
        var h = r.headers().lastHeader(EventSerializer.TYPE_HEADER);
        return h == null ? "" : new String(h.value(), StandardCharsets.US_ASCII);
    }
}
