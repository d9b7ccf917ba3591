package io.brokergate.trade.tradingview;

import io.brokergate.api.tradingview.TradingViewEntities;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.TimeInForce;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Time in force as TradingView durations: ids {@code day}, {@code gtc}, {@code gtd}, {@code ioc}, {@code fok}. */
final class Durations {

    private Durations() {
    }

    static String id(TimeInForce tif) {
        return switch (tif) {
            case DAY -> "day";
            case GOOD_TILL_CANCELLED -> "gtc";
            case GOOD_TILL_DATE -> "gtd";
            case IMMEDIATE_OR_CANCEL -> "ioc";
            case FILL_OR_KILL -> "fok";
        };
    }

    private static String title(TimeInForce tif) {
        return switch (tif) {
            case DAY -> "Day";
            case GOOD_TILL_CANCELLED -> "Good till cancelled";
            case GOOD_TILL_DATE -> "Good till date";
            case IMMEDIATE_OR_CANCEL -> "Immediate or cancel";
            case FILL_OR_KILL -> "Fill or kill";
        };
    }

    /** The broker's time-in-force values as Duration entries, day first and default. */
    static List<Map<String, Object>> of(Capabilities caps) {
        List<String> types = new ArrayList<>(new LinkedHashSet<>(caps.orderTypes().stream().sorted()
                .filter(t -> t == OrderType.MARKET || t == OrderType.LIMIT || t == OrderType.STOP || t == OrderType.STOP_LIMIT)
                .map(TradingViewEntities::type).toList()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (TimeInForce tif : TimeInForce.values()) {
            if (caps.supports(tif)) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("id", id(tif));
                d.put("title", title(tif));
                d.put("hasDatePicker", tif == TimeInForce.GOOD_TILL_DATE);
                d.put("hasTimePicker", false);
                d.put("default", tif == TimeInForce.DAY);
                d.put("supportedOrderTypes", types);
                out.add(d);
            }
        }
        return out;
    }

    /** The union of several brokers' durations (the global {@code /config}), each id once. */
    static List<Map<String, Object>> union(List<Capabilities> brokers) {
        Map<Object, Map<String, Object>> byId = new LinkedHashMap<>();
        brokers.forEach(c -> of(c).forEach(d -> byId.putIfAbsent(d.get("id"), d)));
        return List.copyOf(byId.values());
    }

    /** Absent means day; an id no broker knows is refused with the ones that exist. */
    static TimeInForce timeInForce(String id) {
        if (id == null) {
            return TimeInForce.DAY;
        }
        for (TimeInForce tif : TimeInForce.values()) {
            if (id(tif).equals(id.toLowerCase(Locale.ROOT))) {
                return tif;
            }
        }
        Set<String> known = new LinkedHashSet<>();
        for (TimeInForce tif : TimeInForce.values()) {
            known.add(id(tif));
        }
        throw GatewayException.invalid("durationType must be one of " + String.join(", ", known) + ", not "
                + TradingViewForm.clip(id));
    }
}
