package io.brokergate.trade.risk;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The admin API's answer for one scope: {@code scope}, {@code scope_id} (null for the tenant),
 * the limits document, and who changed it when. The read-only members may be sent back in a PUT.
 */
final class RiskLimitsView {

    private RiskLimitsView() {
    }

    static ObjectNode of(ScopeLimits l) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.put("scope", l.scope().wireName());
        view.put("scope_id", l.scopeId());
        RiskLimitsJson.writeInto(view, l.limits());
        view.put("updated_by", l.updatedBy());
        view.put("updated_at", l.updatedAt().toString());
        return view;
    }
}
