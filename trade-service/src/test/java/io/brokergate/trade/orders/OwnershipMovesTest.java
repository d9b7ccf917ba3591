package io.brokergate.trade.orders;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_MOVED;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_A;
import static org.awaitility.Awaitility.await;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.EventStamp;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.trade.sim.SimTradingAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When the socket of an account moves to another stream pod, the previous owner may still publish
 * for a while, and Kafka redelivers after a rebalance: the order book follows the newest owner only.
 */
@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
public class OwnershipMovesTest {

    @InjectFakeAuthServer
    FakeAuthServer authServer;
    @Inject
    SimTradingAccounts sim;

    @Test
    public void eventsOfAStaleOwnerAndRedeliveriesLeaveTheBookAsTheNewOwnerSaysAndALaterOwnerTakesOver() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
        TradeApi reader = TradeApi.as(TENANT_A, "accounts:read", ACCOUNT_MOVED);
        String order = "/v1/accounts/" + ACCOUNT_MOVED + "/orders/" + orderId();
        reader.get("/v1/accounts/" + ACCOUNT_MOVED + "/orders").then().statusCode(200); // reconciled: nothing yet

        sim.publish(AccountEvent.order(stamp(2, 1), order(OrderStatus.WORKING, "0")));
        awaitStatus(reader, order, "working");

        sim.publish(AccountEvent.order(stamp(1, 50), order(OrderStatus.FILLED, "400")));      // the old owner, still talking
        sim.publish(AccountEvent.order(stamp(2, 1), order(OrderStatus.CANCELLED, "0")));      // a redelivered sequence
        sim.publish(AccountEvent.order(stamp(2, 2), order(OrderStatus.PARTIALLY_FILLED, "100")));
        // Either dropped event, had it been applied, would have made the order final: partially_filled could not follow.
        awaitStatus(reader, order, "partially_filled");

        sim.publish(AccountEvent.order(stamp(3, 1), order(OrderStatus.FILLED, "400")));       // the next owner
        awaitStatus(reader, order, "filled");
    }

    /** The order this run publishes for (the test database outlives one application). */
    protected String orderId() {
        return "om-1";
    }

    private static void awaitStatus(TradeApi reader, String path, String status) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var r = reader.get(path);
            return r.statusCode() == 200 && status.equals(r.jsonPath().getString("status"));
        });
    }

    private static EventStamp stamp(long epoch, long sequence) {
        return new EventStamp(TENANT_A, ACCOUNT_MOVED, epoch, sequence, Instant.now());
    }

    private Order order(OrderStatus status, String filled) {
        Instant now = Instant.now();
        return new Order(orderId(), null, ACCOUNT_MOVED, InstrumentId.parse("700.HK"), Side.BUY, OrderType.LIMIT, TimeInForce.DAY,
                new BigDecimal("400"), new BigDecimal("600"), null, null, new BigDecimal(filled),
                filled.equals("0") ? null : new BigDecimal("600"), status, null, now, now);
    }
}
