package io.brokergate.trade.tradingview;

import io.brokergate.api.tradingview.TradingViewEntities;
import io.brokergate.core.account.Account;
import io.brokergate.core.order.Order;
import io.brokergate.trade.brackets.BracketLeg;
import io.brokergate.trade.brackets.Brackets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /orders} as TradingView expects it with brackets: an exit keeps one id for its whole life
 * (its leg id, which is also its broker order's client order id), carries {@code parentId} and
 * {@code parentType: order}, and is listed {@code inactive} while it waits for its entry.
 */
@ApplicationScoped
public class TradingViewOrderList {

    private final Brackets brackets;

    public TradingViewOrderList(Brackets brackets) {
        this.brackets = brackets;
    }

    public List<Map<String, Object>> of(Account account, List<Order> book) {
        Map<String, BracketLeg> listed = new LinkedHashMap<>();
        brackets.listedLegs(account).forEach(l -> listed.put(l.legId(), l));
        List<Map<String, Object>> out = new ArrayList<>(book.size() + listed.size());
        Set<String> atBroker = new HashSet<>();
        for (Order o : book) {
            if (BracketLeg.isLegId(o.clientOrderId())) {
                atBroker.add(o.clientOrderId());
                BracketLeg leg = listed.containsKey(o.clientOrderId()) ? listed.get(o.clientOrderId())
                        : brackets.find(account, o.clientOrderId()).orElse(null);
                out.add(exit(TradingViewEntities.order(o), o.clientOrderId(), leg));
            } else {
                out.add(TradingViewEntities.order(o));
            }
        }
        for (BracketLeg l : listed.values()) {
            if (l.orderId() == null && !atBroker.contains(l.legId())) {
                out.add(exit(TradingViewEntities.order(l.asOrder()), l.legId(), l));
            }
        }
        return out;
    }

    private static Map<String, Object> exit(Map<String, Object> entity, String legId, BracketLeg leg) {
        entity.put("id", legId);
        if (leg != null && leg.parentOrderId() != null) {
            entity.put("parentId", leg.parentOrderId());
            entity.put("parentType", "order");
        }
        return entity;
    }
}
