package io.brokergate.trade.risk;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Orders, limits and a gate for the risk unit tests. */
final class RiskFixtures {

    static final String TENANT = "tenant-a";
    static final String ACCOUNT = "acc-a1";
    static final String KEY = "key-1";
    static final RiskSubject BY_KEY = new RiskSubject(TENANT, ACCOUNT, KEY);
    static final RiskSubject BY_USER = new RiskSubject(TENANT, ACCOUNT, null);

    private RiskFixtures() {
    }

    static OrderRequest limit(String symbol, String quantity, String price) {
        return new OrderRequest(ACCOUNT, null, InstrumentId.parse(symbol), Side.BUY, OrderType.LIMIT, new BigDecimal(quantity),
                new BigDecimal(price), null, null, null, TimeInForce.DAY, null, false);
    }

    static OrderRequest market(String symbol, String quantity) {
        return new OrderRequest(ACCOUNT, null, InstrumentId.parse(symbol), Side.SELL, OrderType.MARKET, new BigDecimal(quantity),
                null, null, null, null, TimeInForce.DAY, null, false);
    }

    static RiskLimits limits(String json) {
        return RiskLimitsJson.parse(json);
    }

    static ScopeLimits tenantWide(String json) {
        return new ScopeLimits(TENANT, RiskScope.TENANT, null, limits(json), "admin-1", Instant.EPOCH);
    }

    static ScopeLimits account(String accountId, String json) {
        return new ScopeLimits(TENANT, RiskScope.ACCOUNT, accountId, limits(json), "admin-1", Instant.EPOCH);
    }

    static ScopeLimits apiKey(String keyId, String json) {
        return new ScopeLimits(TENANT, RiskScope.API_KEY, keyId, limits(json), "admin-1", Instant.EPOCH);
    }

    /** A book holding exactly these limits and switches, and a gate over it. */
    static Gate gate(List<ScopeLimits> limits, List<KillSwitch> switches) {
        RiskBook book = new RiskBook();
        book.replace(limits, switches);
        return new Gate(book, new RiskGate(book));
    }

    static Gate gate(ScopeLimits... limits) {
        return gate(List.of(limits), List.of());
    }

    record Gate(RiskBook book, RiskGate risk) {
        void admit(RiskSubject subject, OrderRequest order, Instant now) {
            risk.admit(subject, order, null, now);
        }

        /** How many of {@code n} identical orders at {@code now} pass. */
        int admitted(RiskSubject subject, OrderRequest order, Instant now, int n) {
            int ok = 0;
            for (int i = 0; i < n; i++) {
                try {
                    risk.admit(subject, order, null, now);
                    ok++;
                } catch (io.brokergate.core.error.GatewayException e) {
                    // refused
                }
            }
            return ok;
        }
    }

    static List<ScopeLimits> list(ScopeLimits... l) {
        return new ArrayList<>(List.of(l));
    }
}
