package io.brokergate.core.limits;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A broker's declared outbound limits, at most one per category. */
public record OutboundLimits(Map<OutboundCategory, OutboundLimit> byCategory) {

    public OutboundLimits {
        byCategory = Map.copyOf(byCategory);
    }

    public static OutboundLimits of(OutboundLimit... limits) {
        Map<OutboundCategory, OutboundLimit> map = new EnumMap<>(OutboundCategory.class);
        for (OutboundLimit l : limits) {
            if (map.put(l.category(), l) != null) {
                throw new IllegalArgumentException("two limits for " + l.category());
            }
        }
        return new OutboundLimits(map);
    }

    public Optional<OutboundLimit> forCategory(OutboundCategory category) {
        return Optional.ofNullable(byCategory.get(category));
    }

    public List<OutboundLimit> all() {
        return List.copyOf(byCategory.values());
    }
}
