package io.brokergate.messaging.kafka.shards;

import io.brokergate.messaging.shards.ShardAssignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who holds which shard, across the members of a test: every assignment must find the shard free
 * (else a double holding is recorded), and every shard's epochs must grow from holder to holder.
 */
final class OwnershipLedger {

    private final Map<Integer, String> holders = new ConcurrentHashMap<>();
    private final Map<Integer, List<Long>> epochs = new ConcurrentHashMap<>();
    final List<String> violations = new CopyOnWriteArrayList<>();

    Member member(String name) {
        return new Member(name);
    }

    synchronized List<Long> epochsOf(int shard) {
        return List.copyOf(epochs.getOrDefault(shard, List.of()));
    }

    /** The process died: what it held went with it. */
    synchronized void died(Member m) {
        holders.values().removeIf(m.name::equals);
        m.held.clear();
    }

    final class Member implements ShardAssignment.Listener {
        final String name;
        final Set<Integer> held = new ConcurrentSkipListSet<>();

        Member(String name) {
            this.name = name;
        }

        @Override
        public void onAssigned(Map<Integer, Long> assigned) {
            synchronized (OwnershipLedger.this) {
                assigned.forEach((shard, epoch) -> {
                    String other = holders.putIfAbsent(shard, name);
                    if (other != null) {
                        violations.add("shard " + shard + " assigned to " + name + " while " + other + " held it");
                    }
                    List<Long> history = epochs.computeIfAbsent(shard, s -> new ArrayList<>());
                    if (!history.isEmpty() && epoch <= history.get(history.size() - 1)) {
                        violations.add("shard " + shard + " epoch " + epoch + " after " + history);
                    }
                    history.add(epoch);
                    held.add(shard);
                });
            }
        }

        @Override
        public void onRevoked(Set<Integer> shards) {
            synchronized (OwnershipLedger.this) {
                shards.forEach(s -> {
                    if (!holders.remove(s, name)) {
                        violations.add(name + " released shard " + s + " it did not hold");
                    }
                    held.remove(s);
                });
            }
        }
    }
}
