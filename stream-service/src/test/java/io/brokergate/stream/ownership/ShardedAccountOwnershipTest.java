package io.brokergate.stream.ownership;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.spi.BrokerCredentials;
import io.brokergate.messaging.kafka.shards.KafkaShardAssignment;
import io.brokergate.messaging.kafka.testing.KafkaTestBroker;
import io.brokergate.messaging.kafka.testing.TestShardSettings;
import io.brokergate.messaging.kafka.testing.TestTopic;
import io.brokergate.messaging.kafka.topics.KafkaTopics;
import io.brokergate.stream.upstream.UpstreamAccount;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two pods' ownership in one JVM: two members of one consumer group on a real broker, with the
 * accounts of {@code account-shards} split between them; an account is never owned by both at once,
 * a pod that leaves hands its accounts over at once, and every new owner has a larger epoch.
 */
class ShardedAccountOwnershipTest {

    private static final List<UpstreamAccount> ACCOUNTS = IntStream.range(0, 40).mapToObj(i -> account("acc-" + i)).toList();
    private static final Set<String> ALL = ACCOUNTS.stream().map(a -> a.account().id()).collect(Collectors.toUnmodifiableSet());

    private final KafkaTestBroker kafka = KafkaTestBroker.shared();
    private final TestShardSettings settings = TestShardSettings.fast(topic(), "stream-owners-" + UUID.randomUUID());
    /** Which pod owns each account now; an assignment must find the account free. */
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> epochs = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<ShardedAccountOwnership> pods = new ArrayList<>();

    @AfterEach
    void stopPods() {
        pods.forEach(ShardedAccountOwnership::stop);
    }

    @Test
    void twoPodsSplitTheAccountsAndAPodThatStopsHandsItsAccountsToTheOther() {
        Pod one = start("pod-1");
        await().atMost(Duration.ofSeconds(15)).until(() -> one.owned.equals(ALL));
        Pod two = start("pod-2");
        await().atMost(Duration.ofSeconds(15)).until(() -> !two.owned.isEmpty() && one.owned.size() + two.owned.size() == ALL.size());
        assertFalse(one.owned.isEmpty());
        assertEquals(0, two.revoked.size(), "a joining pod takes accounts; it gives none back");
        assertEquals(two.owned.size(), one.revoked.size(), "cooperative: only the accounts that moved were closed");
        Set<String> handedOver = Set.copyOf(one.owned);

        one.ownership.stop();

        assertTrue(one.owned.isEmpty(), "stop() returns after every socket of the pod was closed");
        await().atMost(Duration.ofSeconds(5)).until(() -> two.owned.equals(ALL));
        for (String account : handedOver) {
            List<Long> e = epochs.get(account);
            assertEquals(2, e.size(), account + " " + e);
            assertTrue(e.get(1) > e.get(0), account + ": the new owner's epoch is larger " + e);
        }
        assertEquals(List.of(), violations);
    }

    private Pod start(String name) {
        Pod pod = new Pod(name);
        KafkaShardAssignment shards = new KafkaShardAssignment(kafka.clientConfig(), settings, name, Clock.systemUTC());
        pod.ownership = new ShardedAccountOwnership(shards, () -> ACCOUNTS);
        pods.add(pod.ownership);
        pod.ownership.start(pod);
        return pod;
    }

    /** A pod's sockets, as UpstreamSessions would hold them. */
    private final class Pod implements AccountOwnership.Listener {
        final String name;
        final Set<String> owned = ConcurrentHashMap.newKeySet();
        final List<String> revoked = new CopyOnWriteArrayList<>();
        ShardedAccountOwnership ownership;

        Pod(String name) {
            this.name = name;
        }

        @Override
        public void onAssigned(Set<OwnedAccount> assigned) {
            for (OwnedAccount a : assigned) {
                String other = owners.putIfAbsent(a.accountId(), name);
                if (other != null) {
                    violations.add(a.accountId() + " opened by " + name + " while " + other + " held it");
                }
                epochs.computeIfAbsent(a.accountId(), k -> new CopyOnWriteArrayList<>()).add(a.epoch());
                owned.add(a.accountId());
            }
        }

        @Override
        public void onRevoked(Set<String> accountIds) {
            for (String id : accountIds) {
                if (!owners.remove(id, name)) {
                    violations.add(name + " closed " + id + " it did not hold");
                }
                owned.remove(id);
                revoked.add(id);
            }
        }
    }

    private String topic() {
        String topic = "account-shards-" + UUID.randomUUID();
        KafkaTopics.ensure(kafka.clientConfig(), Map.of(topic, TestTopic.of(12, "compact")), Duration.ofSeconds(20));
        return topic;
    }

    private static UpstreamAccount account(String id) {
        Account a = new Account(id, "tenant-a", "conn-" + id, BrokerId.PAPER, "PA-" + id, id, "HKD", AccountKind.PAPER);
        return new UpstreamAccount(a, new BrokerCredentials(BrokerId.PAPER, a.connectionId(), Map.of(), Map.of()));
    }
}
