package io.brokergate.stream.ownership;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.spi.BrokerCredentials;
import io.brokergate.messaging.shards.ShardAssignment;
import io.brokergate.stream.upstream.UpstreamAccount;
import io.brokergate.stream.upstream.UpstreamAccounts;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Accounts linked or removed while a pod runs open and close on the pod that holds their shard, without a restart. */
class AccountListChangesTest {

    /** Two shards: ids ending in an even digit on shard 0, odd on shard 1. */
    private static final class TwoShards implements ShardAssignment {
        Listener listener;

        @Override
        public int shardOf(String key) {
            return (key.charAt(key.length() - 1) - '0') % 2;
        }

        @Override
        public void join(Listener l) {
            listener = l;
        }

        @Override
        public void leave() {
            listener.onRevoked(Set.of(0, 1));
        }
    }

    /** A list that changes like auth-service's, announcing each change. */
    private static final class ChangingList implements UpstreamAccounts {
        volatile List<UpstreamAccount> accounts = List.of();
        final List<Runnable> listeners = new CopyOnWriteArrayList<>();

        void set(String... ids) {
            accounts = Arrays.stream(ids).map(AccountListChangesTest::account).toList();
            listeners.forEach(Runnable::run);
        }

        @Override
        public List<UpstreamAccount> owned() {
            return accounts;
        }

        @Override
        public void onChange(Runnable listener) {
            listeners.add(listener);
        }
    }

    /** What UpstreamSessions would hold. */
    private static final class Sockets implements AccountOwnership.Listener {
        final Map<String, Long> open = new ConcurrentHashMap<>();

        @Override
        public void onAssigned(Set<OwnedAccount> assigned) {
            assigned.forEach(a -> open.put(a.accountId(), a.epoch()));
        }

        @Override
        public void onRevoked(Set<String> ids) {
            ids.forEach(open::remove);
        }
    }

    @Test
    void aShardedPodOpensAccountsLinkedOnItsShardsUnderTheShardsEpoch() {
        TwoShards shards = new TwoShards();
        ChangingList list = new ChangingList();
        list.set("acct-1", "acct-2");
        Sockets sockets = new Sockets();
        ShardedAccountOwnership ownership = new ShardedAccountOwnership(shards, list);
        ownership.start(sockets);
        shards.listener.onAssigned(Map.of(1, 500L));
        assertEquals(Map.of("acct-1", 500L), sockets.open);

        list.set("acct-1", "acct-2", "acct-3", "acct-4");
        await().atMost(Duration.ofSeconds(5)).until(() -> sockets.open.size() == 2);
        assertEquals(Map.of("acct-1", 500L, "acct-3", 500L), sockets.open, "acct-4 belongs to a shard held elsewhere");

        list.set("acct-3", "acct-4");
        await().atMost(Duration.ofSeconds(5)).until(() -> !sockets.open.containsKey("acct-1"));
        assertEquals(Map.of("acct-3", 500L), sockets.open);

        shards.listener.onRevoked(Set.of(1));
        assertEquals(Map.of(), sockets.open);
        list.set("acct-3", "acct-5");
        shards.listener.onAssigned(Map.of(0, 700L));
        assertEquals(Map.of(), sockets.open, "shard 0 has no account now");
        list.set("acct-3", "acct-6");
        await().atMost(Duration.ofSeconds(5)).until(() -> sockets.open.containsKey("acct-6"));
        assertEquals(Map.of("acct-6", 700L), sockets.open);
        ownership.stop();
        assertEquals(Map.of(), sockets.open);
    }

    @Test
    void theLocalPodOpensEveryLinkedAccountWithAFreshEpoch() {
        ChangingList list = new ChangingList();
        list.set("acct-1");
        Sockets sockets = new Sockets();
        LocalAccountOwnership ownership = new LocalAccountOwnership(list);
        ownership.start(sockets);
        long first = sockets.open.get("acct-1");
        list.set("acct-1", "acct-2");
        await().atMost(Duration.ofSeconds(5)).until(() -> sockets.open.containsKey("acct-2"));
        assertEquals(first, sockets.open.get("acct-1"), "an account already open keeps its session and epoch");
        assertTrue(sockets.open.get("acct-2") > first, "a new sequence starts under a new epoch");
        list.set("acct-2");
        await().atMost(Duration.ofSeconds(5)).until(() -> !sockets.open.containsKey("acct-1"));
        ownership.stop();
        assertEquals(Map.of(), sockets.open);
    }

    private static UpstreamAccount account(String id) {
        Account a = new Account(id, "tenant", "c-" + id, BrokerId.PAPER, "NO-" + id, id, "USD", AccountKind.PAPER);
        return new UpstreamAccount(a, new BrokerCredentials(BrokerId.PAPER, a.connectionId(), Map.of(), Map.of()));
    }
}
