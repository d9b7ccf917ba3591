package io.brokergate.longport.quotes;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Instrument → subscribed kinds, with LongPort's per-account symbol cap (a symbol counts once
 * whatever its kinds). Not thread-safe: confined to the quote socket's event loop.
 */
public final class SubscriptionSet {

    private final Map<InstrumentId, EnumSet<SubscriptionKind>> byInstrument = new HashMap<>();
    private int cap;

    public SubscriptionSet(int cap) {
        this.cap = cap;
    }

    public int cap() {
        return cap;
    }

    /** The broker may grant fewer symbols than documented (quote profile {@code subscribe_limit}). */
    public void lowerCap(int brokerLimit) {
        if (brokerLimit > 0 && brokerLimit < cap) {
            cap = brokerLimit;
        }
    }

    public int size() {
        return byInstrument.size();
    }

    public Set<SubscriptionKind> kinds(InstrumentId id) {
        EnumSet<SubscriptionKind> k = byInstrument.get(id);
        return k == null ? Set.of() : k;
    }

    /**
     * The kinds each instrument lacks, without changing anything.
     *
     * @throws GatewayException INVALID_REQUEST naming the cap when the new instruments do not fit
     */
    public Map<InstrumentId, Set<SubscriptionKind>> missing(Set<InstrumentId> ids, Set<SubscriptionKind> kinds) {
        Map<InstrumentId, Set<SubscriptionKind>> out = new LinkedHashMap<>();
        int added = 0;
        for (InstrumentId id : ids) {
            EnumSet<SubscriptionKind> have = byInstrument.get(id);
            if (have == null) {
                added++;
            }
            EnumSet<SubscriptionKind> lack = EnumSet.copyOf(kinds);
            if (have != null) {
                lack.removeAll(have);
            }
            if (!lack.isEmpty()) {
                out.put(id, lack);
            }
        }
        if (byInstrument.size() + added > cap) {
            throw new GatewayException(ErrorCode.INVALID_REQUEST, "subscribing " + added + " more symbol(s) would exceed "
                    + "LongPort's cap of " + cap + " subscribed symbols per account (" + byInstrument.size()
                    + " subscribed); nothing was subscribed", null, "subscription_cap", null);
        }
        return out;
    }

    public void add(Map<InstrumentId, Set<SubscriptionKind>> additions) {
        additions.forEach((id, k) -> byInstrument.computeIfAbsent(id, x -> EnumSet.noneOf(SubscriptionKind.class)).addAll(k));
    }

    /** Removes kinds; instruments left without kinds disappear. Returns what was actually removed. */
    public Map<InstrumentId, Set<SubscriptionKind>> remove(Map<InstrumentId, Set<SubscriptionKind>> removals) {
        Map<InstrumentId, Set<SubscriptionKind>> removed = new LinkedHashMap<>();
        removals.forEach((id, k) -> {
            EnumSet<SubscriptionKind> have = byInstrument.get(id);
            if (have == null) {
                return;
            }
            EnumSet<SubscriptionKind> gone = EnumSet.copyOf(k);
            gone.retainAll(have);
            if (gone.isEmpty()) {
                return;
            }
            have.removeAll(gone);
            if (have.isEmpty()) {
                byInstrument.remove(id);
            }
            removed.put(id, gone);
        });
        return removed;
    }

    public Map<InstrumentId, Set<SubscriptionKind>> snapshot() {
        Map<InstrumentId, Set<SubscriptionKind>> out = new HashMap<>(byInstrument.size() * 2);
        byInstrument.forEach((id, k) -> out.put(id, Set.copyOf(k)));
        return out;
    }

    /** One broker request per distinct kind set: a SubscribeRequest applies all its types to all its symbols. */
    public static Map<Set<SubscriptionKind>, List<InstrumentId>> groupByKinds(Map<InstrumentId, Set<SubscriptionKind>> subs) {
        Map<Set<SubscriptionKind>, List<InstrumentId>> out = new LinkedHashMap<>();
        subs.forEach((id, k) -> out.computeIfAbsent(Set.copyOf(k), x -> new ArrayList<>()).add(id));
        return out;
    }

    /** Every instrument of {@code ids} with every kind of {@code kinds}. */
    public static Map<InstrumentId, Set<SubscriptionKind>> product(Set<InstrumentId> ids, Set<SubscriptionKind> kinds) {
        Map<InstrumentId, Set<SubscriptionKind>> out = new LinkedHashMap<>();
        for (InstrumentId id : ids) {
            out.put(id, kinds);
        }
        return out;
    }
}
