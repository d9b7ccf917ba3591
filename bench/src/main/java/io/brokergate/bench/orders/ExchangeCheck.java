package io.brokergate.bench.orders;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.sim.admin.SimAdminClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every order of a run counted where it ended up: at the paper exchange (its admin API lists the
 * account's orders with the remark that carries the client order id). An acknowledged order must
 * be there exactly once, under the order id the gateway returned; an order the gateway refused
 * must not be there at all.
 *
 * @param acknowledged orders answered 201
 * @param atExchange   orders of the run the exchange holds
 * @param missing      acknowledged but not at the exchange (lost)
 * @param duplicated   at the exchange more than once (submitted twice)
 * @param mismatched   at the exchange under another order id than the acknowledgement named
 * @param unexpected   at the exchange although the gateway did not acknowledge them
 */
record ExchangeCheck(int acknowledged, int atExchange, int missing, int duplicated, int mismatched, int unexpected) {

    static ExchangeCheck of(Placements run, SimAdminClient admin, String accountNo) {
        Map<Integer, List<String>> held = new HashMap<>();
        int atExchange = 0;
        for (JsonNode o : admin.get("/admin/accounts/" + accountNo + "/orders").path("orders")) {
            int seq = run.seqOf(o.path("remark").asText(null));
            if (seq >= 0) {
                held.computeIfAbsent(seq, k -> new ArrayList<>()).add(o.path("order_id").asText());
                atExchange++;
            }
        }
        int acknowledged = 0;
        int missing = 0;
        int duplicated = 0;
        int mismatched = 0;
        int unexpected = 0;
        for (int seq = 0; seq < run.capacity(); seq++) {
            Placements.Outcome outcome = run.outcome(seq);
            List<String> ids = held.getOrDefault(seq, List.of());
            if (ids.size() > 1) {
                duplicated++;
            }
            if (outcome != null && outcome.status() == 201) {
                acknowledged++;
                if (ids.isEmpty()) {
                    missing++;
                } else if (!ids.contains(outcome.orderId())) {
                    mismatched++;
                }
            } else if (!ids.isEmpty()) {
                unexpected++;
            }
        }
        return new ExchangeCheck(acknowledged, atExchange, missing, duplicated, mismatched, unexpected);
    }

    boolean clean() {
        return missing == 0 && duplicated == 0 && mismatched == 0 && unexpected == 0 && atExchange == acknowledged;
    }

    /** For the report: {@code 15,000 = 15,000 ✓} or what is wrong. */
    String summary() {
        if (clean()) {
            return String.format("%,d = %,d ✓", acknowledged, atExchange);
        }
        return String.format("%,d acked, %,d at exchange: %d missing, %d duplicated, %d mismatched, %d unexpected ✗",
                acknowledged, atExchange, missing, duplicated, mismatched, unexpected);
    }
}
