package io.brokergate.sim.longport;

import io.brokergate.longport.proto.SubType;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is subscribed to what: each quote connection keeps symbol → sub-type bits, and this index
 * keeps symbol → connections so that a push finds its subscribers without scanning every socket.
 * Event loop only.
 */
final class QuoteSubscriptions {

    private final Map<String, Set<SocketConnection>> bySymbol = new HashMap<>();

    static int bit(SubType type) {
        return 1 << type.getNumber();
    }

    static int bits(List<SubType> types) {
        int mask = 0;
        for (SubType t : types) {
            if (t != SubType.SUB_TYPE_UNKNOWN && t != SubType.UNRECOGNIZED) {
                mask |= bit(t);
            }
        }
        return mask;
    }

    /** How many distinct symbols the connection would have after adding these. */
    static int countAfterAdding(SocketConnection c, Collection<String> symbols) {
        int added = 0;
        Set<String> seen = new java.util.HashSet<>();
        for (String s : symbols) {
            if (!c.subscriptions().containsKey(s) && seen.add(s)) {
                added++;
            }
        }
        return c.subscriptions().size() + added;
    }

    /** @return the symbols that gained at least one of the requested types (for the first push) */
    Set<String> add(SocketConnection c, Collection<String> symbols, int mask) {
        Set<String> gained = new LinkedHashSet<>();
        for (String s : symbols) {
            int before = c.subscriptions().getOrDefault(s, 0);
            int after = before | mask;
            if (after != before) {
                gained.add(s);
            }
            c.subscriptions().put(s, after);
            bySymbol.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(c);
        }
        return gained;
    }

    /** Removes the given types (all types when mask is 0) of the symbols. */
    void remove(SocketConnection c, Collection<String> symbols, int mask) {
        for (String s : symbols) {
            Integer before = c.subscriptions().get(s);
            if (before == null) {
                continue;
            }
            int after = mask == 0 ? 0 : before & ~mask;
            if (after == 0) {
                c.subscriptions().remove(s);
                Set<SocketConnection> subs = bySymbol.get(s);
                if (subs != null) {
                    subs.remove(c);
                    if (subs.isEmpty()) {
                        bySymbol.remove(s);
                    }
                }
            } else {
                c.subscriptions().put(s, after);
            }
        }
    }

    void removeAll(SocketConnection c) {
        remove(c, List.copyOf(c.subscriptions().keySet()), 0);
    }

    /** Subscribers of a symbol; do not modify. Empty (shared) when nobody listens. */
    Set<SocketConnection> subscribers(String symbol) {
        Set<SocketConnection> s = bySymbol.get(symbol);
        return s == null ? Set.of() : s;
    }
}
