package io.brokergate.messaging.kafka.shards;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.messaging.kafka.KafkaSettings;
import io.brokergate.messaging.kafka.testing.KafkaTestBroker;
import io.brokergate.messaging.kafka.testing.TestShardSettings;
import io.brokergate.messaging.kafka.testing.TestTopic;
import io.brokergate.messaging.kafka.topics.KafkaTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaShardAssignmentTest {

    private static final int SHARDS = 8;
    private static final Set<Integer> ALL = Set.copyOf(IntStream.range(0, SHARDS).boxed().toList());

    private final KafkaTestBroker kafka = KafkaTestBroker.shared();
    private final OwnershipLedger ledger = new OwnershipLedger();
    private final List<KafkaShardAssignment> started = new ArrayList<>();
    private final TestShardSettings settings = TestShardSettings.fast(topic(kafka.clientConfig()), "owners-" + UUID.randomUUID());

    @AfterEach
    void leaveAll() {
        started.forEach(KafkaShardAssignment::leave);
    }

    @Test
    void twoMembersSplitTheShardsAndOneThatLeavesHandsItsShardsOverWithLargerEpochs() {
        OwnershipLedger.Member a = ledger.member("a");
        OwnershipLedger.Member b = ledger.member("b");
        KafkaShardAssignment first = join(settings, a);
        await().atMost(Duration.ofSeconds(15)).until(() -> a.held.equals(ALL));
        join(settings, b);
        await().atMost(Duration.ofSeconds(15)).until(() -> !b.held.isEmpty() && a.held.size() + b.held.size() == SHARDS);
        assertEquals(SHARDS / 2, b.held.size(), "cooperative-sticky splits evenly: " + a.held + " / " + b.held);
        Set<Integer> moved = Set.copyOf(a.held);

        first.leave();

        assertTrue(a.held.isEmpty(), "leave() returns after the final release");
        await().atMost(Duration.ofSeconds(5)).until(() -> b.held.equals(ALL));
        for (int shard : moved) {
            assertEquals(2, ledger.epochsOf(shard).size(), "shard " + shard + " held by a, then b");
        }
        assertEquals(List.of(), ledger.violations);
        assertEquals(first.shardOf("acc-1"), first.shardOf("acc-1"));
        assertTrue(first.shardOf("acc-1") >= 0 && first.shardOf("acc-1") < SHARDS);
    }

    @Test
    void theShardsOfACrashedMemberMoveAfterTheSessionTimeout() {
        OwnershipLedger.Member a = ledger.member("a");
        OwnershipLedger.Member b = ledger.member("b");
        KafkaShardAssignment first = join(settings, a);
        join(settings, b);
        await().atMost(Duration.ofSeconds(15)).until(() -> a.held.size() == SHARDS / 2 && b.held.size() == SHARDS / 2);

        first.halt();
        ledger.died(a);

        Duration bound = settings.sessionTimeout().plus(settings.heartbeatInterval()).plusSeconds(3);
        await().atMost(bound).until(() -> b.held.equals(ALL));
        assertEquals(List.of(), ledger.violations);
    }

    @Test
    void epochsGrowAcrossAWholeNewGroupAndAClockThatWentBack() {
        OwnershipLedger.Member a = ledger.member("a");
        KafkaShardAssignment first = join(settings, a);
        await().atMost(Duration.ofSeconds(15)).until(() -> a.held.equals(ALL));
        first.leave();

        OwnershipLedger.Member late = ledger.member("late");
        Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        KafkaShardAssignment second = new KafkaShardAssignment(kafka.clientConfig(), settings.withGroup("owners-" + UUID.randomUUID()),
                "late", yesterday);
        started.add(second);
        second.join(late);
        await().atMost(Duration.ofSeconds(15)).until(() -> late.held.equals(ALL));

        for (int shard : ALL) {
            List<Long> epochs = ledger.epochsOf(shard);
            assertEquals(2, epochs.size());
            assertEquals(epochs.get(0) + 1, epochs.get(1), "the claim of the previous holder is the floor, not the clock");
        }
        assertEquals(List.of(), ledger.violations);
    }

    @Test
    void membersCutOffFromTheCoordinatorReleaseTheirShards() {
        KafkaTestBroker own = KafkaTestBroker.inProcess();
        try {
            TestShardSettings s = TestShardSettings.fast(topic(own.clientConfig()), "owners-" + UUID.randomUUID());
            OwnershipLedger.Member a = ledger.member("a");
            KafkaShardAssignment member = new KafkaShardAssignment(own.clientConfig(), s, "a", Clock.systemUTC());
            started.add(member);
            member.join(a);
            await().atMost(Duration.ofSeconds(15)).until(() -> a.held.equals(ALL));

            own.close();

            await().atMost(s.sessionTimeout().plusSeconds(3)).until(() -> a.held.isEmpty());
            assertFalse(ledger.violations.stream().anyMatch(v -> v.contains("did not hold")), ledger.violations.toString());
        } finally {
            own.close();
        }
    }

    private KafkaShardAssignment join(KafkaSettings.Shards s, OwnershipLedger.Member m) {
        KafkaShardAssignment member = new KafkaShardAssignment(kafka.clientConfig(), s, m.name, Clock.systemUTC());
        started.add(member);
        member.join(m);
        assertEquals(SHARDS, member.shards());
        return member;
    }

    private static String topic(Map<String, Object> kafka) {
        String topic = "shards-" + UUID.randomUUID();
        KafkaTopics.ensure(kafka, Map.of(topic, TestTopic.of(SHARDS, "compact")), Duration.ofSeconds(20));
        return topic;
    }

}
