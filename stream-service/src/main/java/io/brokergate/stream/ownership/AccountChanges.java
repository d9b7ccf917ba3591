package io.brokergate.stream.ownership;

import io.brokergate.stream.upstream.UpstreamAccount;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The accounts an ownership holds, and what changes when the account list changes: an account
 * linked meanwhile is opened (if its shard is held here), one no longer listed is closed. An account
 * keeps its session when only its credentials changed: reopening under the same epoch would restart
 * its event sequence, which consumers would take for replays (the adapter refreshes its own tokens).
 * Not thread-safe: its ownership serialises access.
 */
final class AccountChanges {

    /** What the listener is told: first the revokes, then the assignments. */
    record Delta(Set<String> revoked, Set<OwnedAccount> assigned) {
        boolean isEmpty() {
            return revoked.isEmpty() && assigned.isEmpty();
        }
    }

    private final Map<String, OwnedAccount> held = new HashMap<>();

    /** Records the assignments (the listener is told separately). */
    void held(Set<OwnedAccount> assigned) {
        assigned.forEach(a -> held.put(a.accountId(), a));
    }

    /** Forgets the accounts for which {@code gone} holds and returns their ids. */
    Set<String> release(Predicate<OwnedAccount> gone) {
        Set<String> ids = new LinkedHashSet<>();
        held.values().removeIf(a -> {
            if (gone.test(a)) {
                ids.add(a.accountId());
                return true;
            }
            return false;
        });
        return ids;
    }

    /**
     * Compares the held accounts with the current list; {@code epochOf} gives the epoch an account
     * would be held under here, or a negative number when it belongs elsewhere. Applies the delta.
     */
    Delta reconcile(List<UpstreamAccount> current, ToLongFunction<String> epochOf) {
        Map<String, UpstreamAccount> byId = new HashMap<>();
        current.forEach(a -> byId.put(a.account().id(), a));
        Set<String> revoked = new LinkedHashSet<>();
        Set<OwnedAccount> assigned = new LinkedHashSet<>();
        for (OwnedAccount h : held.values()) {
            if (!byId.containsKey(h.accountId())) {
                revoked.add(h.accountId());
            }
        }
        revoked.forEach(held::remove);
        for (UpstreamAccount a : current) {
            long epoch = epochOf.applyAsLong(a.account().id());
            if (epoch >= 0 && !held.containsKey(a.account().id())) {
                OwnedAccount owned = new OwnedAccount(a, epoch);
                assigned.add(owned);
                held.put(owned.accountId(), owned);
            }
        }
        return new Delta(revoked, assigned);
    }
}
