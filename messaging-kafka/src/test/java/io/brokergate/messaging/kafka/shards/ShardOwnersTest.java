package io.brokergate.messaging.kafka.shards;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.messaging.kafka.ClientConfigs;
import io.brokergate.messaging.kafka.testing.KafkaTestBroker;
import io.brokergate.messaging.kafka.testing.TestShardSettings;
import io.brokergate.messaging.kafka.testing.TestTopic;
import io.brokergate.messaging.kafka.topics.KafkaTopics;
import io.brokergate.messaging.shards.AccountOwners.Owner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The owners of accounts as trade and quote pods learn them: from the claims on a real broker. */
class ShardOwnersTest {

    private static final int SHARDS = 8;
    private static final List<String> ACCOUNTS = IntStream.range(0, 40).mapToObj(i -> "acc-" + i).toList();

    private final KafkaTestBroker kafka = KafkaTestBroker.shared();
    private final OwnershipLedger ledger = new OwnershipLedger();
    private final List<AutoCloseable> started = new ArrayList<>();
    private final String topic = topic();
    private final TestShardSettings settings = TestShardSettings.fast(topic, "owners-" + UUID.randomUUID());

    @AfterEach
    void stopAll() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void everyAccountResolvesToTheMemberHoldingItsShardAndFollowsAHandOver() {
        ShardOwners owners = owners();
        OwnershipLedger.Member a = ledger.member("a");
        OwnershipLedger.Member b = ledger.member("b");
        KafkaShardAssignment first = join("a", "http://10.0.0.1:8080", a);
        join("b", "http://10.0.0.2:8080", b);
        await().atMost(Duration.ofSeconds(15)).until(() -> a.held.size() + b.held.size() == SHARDS && !b.held.isEmpty());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String account : ACCOUNTS) {
                int shard = first.shardOf(account);
                String expected = a.held.contains(shard) ? "http://10.0.0.1:8080" : "http://10.0.0.2:8080";
                Owner owner = owners.owner(account).orElseThrow(() -> new AssertionError("no owner of " + account));
                assertEquals(expected, owner.url(), account + " in shard " + shard);
                assertEquals(ledger.epochsOf(shard).get(ledger.epochsOf(shard).size() - 1), owner.epoch());
            }
        });

        first.leave();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String account : ACCOUNTS) {
                assertEquals("http://10.0.0.2:8080", owners.owner(account).map(Owner::url).orElse(null), account);
            }
        });
        assertEquals(List.of(), ledger.violations);
    }

    @Test
    void claimsWrittenBeforePodsAdvertisedAUrlLeaveTheOwnerUnknownUntilANewClaim() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ClientConfigs.of(kafka.clientConfig(), Map.of()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int shard = 0; shard < SHARDS; shard++) {
                byte[] old = ("{\"version\":1,\"epoch\":" + (100 + shard) + ",\"member\":\"old-pod\",\"claimedAtMillis\":1}")
                        .getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, shard, ShardClaim.KEY, old)).get();
            }
        }
        ShardOwners owners = owners();
        // The old claims are read (their epochs are the floor of the new ones) but name no URL.
        ShardClaim parsed = ShardClaim.parse("{\"version\":1,\"epoch\":7,\"member\":\"old-pod\",\"claimedAtMillis\":1}"
                .getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertEquals(7, parsed.epoch());
        assertNull(parsed.url());
        assertEquals(Optional.empty(), owners.owner("acc-1"));

        OwnershipLedger.Member a = ledger.member("a");
        join("a", "http://10.0.0.1:8080", a);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (String account : ACCOUNTS) {
                Owner owner = owners.owner(account).orElseThrow(() -> new AssertionError("no owner of " + account));
                assertEquals("http://10.0.0.1:8080", owner.url());
                assertTrue(owner.epoch() > 100 + SHARDS, "a new claim's epoch is above the old one's");
            }
        });
    }

    @Test
    void aTopicThatDoesNotExistYetAnswersUnknownWithoutWaiting() {
        ShardOwners owners = new ShardOwners(kafka.clientConfig(), "missing-" + UUID.randomUUID(), "test-owners").start();
        started.add(owners);
        assertEquals(Optional.empty(), owners.owner("acc-1"));
    }

    private ShardOwners owners() {
        ShardOwners owners = new ShardOwners(kafka.clientConfig(), topic, "test-owners").start();
        started.add(owners);
        return owners;
    }

    private KafkaShardAssignment join(String name, String url, OwnershipLedger.Member m) {
        KafkaShardAssignment member = new KafkaShardAssignment(kafka.clientConfig(), settings.withAdvertisedUrl(url), name,
                Clock.systemUTC());
        started.add(member::leave);
        member.join(m);
        return member;
    }

    private String topic() {
        String name = "shards-" + UUID.randomUUID();
        KafkaTopics.ensure(kafka.clientConfig(), Map.of(name, TestTopic.of(SHARDS, "compact")), Duration.ofSeconds(20));
        return name;
    }
}
