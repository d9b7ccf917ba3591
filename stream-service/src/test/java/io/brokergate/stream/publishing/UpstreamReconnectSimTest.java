package io.brokergate.stream.publishing;

import static io.brokergate.stream.upstream.SimUpstreamAccounts.ACCOUNT_A;
import static io.brokergate.stream.upstream.SimUpstreamAccounts.BROKER_NO_A;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.core.spi.TradingApi;
import io.brokergate.stream.events.ChannelStreamEvents;
import io.brokergate.sim.admin.SimAdminClient;
import io.brokergate.stream.upstream.SimUpstreamAccounts;
import io.brokergate.stream.upstream.SimUpstreamProfile;
import io.brokergate.stream.upstream.UpstreamSessions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The upstream socket drops abruptly in the middle of a burst of fills: a consumer of the
 * published order events sees every order change exactly once, in sequence order, with the
 * connection status around the gap, and positions refreshed afterwards.
 */
@QuarkusTest
@TestProfile(SimUpstreamProfile.class)
class UpstreamReconnectSimTest {

    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");

    // The concrete type: the fan-out tests enable a fake StreamEvents for every @QuarkusTest.
    @Inject
    ChannelStreamEvents events;
    @Inject
    UpstreamSessions sessions;
    @Inject
    SimUpstreamAccounts upstream;

    private final List<AccountEvent> seen = new CopyOnWriteArrayList<>();
    private Cancellable consumer;
    private SimAdminClient admin;

    @BeforeEach
    void consume() {
        admin = new SimAdminClient(upstream.sim().httpUrl());
        await().atMost(Duration.ofSeconds(20)).until(() -> sessions.statuses().stream().filter(s -> s.isLive()).count() == 2);
        consumer = events.accountEvents().filter(e -> e.stamp().accountId().equals(ACCOUNT_A)).subscribe().with(seen::add);
    }

    @AfterEach
    void stop() {
        consumer.cancel();
        admin.post("/admin/instruments/700.HK/price", "{\"price\": \"640\"}");
    }

    @Test
    void everyOrderChangeExactlyOnceAcrossAnAbruptDrop() {
        TradingApi trading = sessions.session(ACCOUNT_A).orElseThrow().trading();
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            OrderRequest buy = new OrderRequest(ACCOUNT_A, "burst-" + UUID.randomUUID(), TENCENT, Side.BUY, OrderType.LIMIT,
                    new BigDecimal("100"), new BigDecimal(600 + i), null, null, null, TimeInForce.DAY, null, false);
            orderIds.add(trading.place(buy).toCompletableFuture().join().orderId());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> orderIds.stream().allMatch(id -> lastStatus(id) == OrderStatus.WORKING));

        // Half the orders fill with the socket up, the socket dies, the rest fill while it is down.
        admin.post("/admin/instruments/700.HK/price", "{\"price\": \"603\"}");
        admin.post("/admin/accounts/" + BROKER_NO_A + "/drop-sockets?mode=abrupt", null);
        admin.post("/admin/instruments/700.HK/price", "{\"price\": \"590\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> orderIds.stream().allMatch(id -> lastStatus(id) == OrderStatus.FILLED)
                && connectionStates().contains("restored"));

        List<AccountEvent> all = List.copyOf(seen);
        long epoch = all.get(0).stamp().epoch();
        for (int i = 1; i < all.size(); i++) {
            assertEquals(all.get(i - 1).stamp().sequence() + 1, all.get(i).stamp().sequence(), "gap or reorder at " + all.get(i));
            assertEquals(epoch, all.get(i).stamp().epoch());
        }
        Set<String> changes = new HashSet<>();
        for (AccountEvent e : all) {
            if (e.kind() == AccountEvent.Kind.ORDER && orderIds.contains(e.order().orderId())) {
                Order o = e.order();
                assertEquals(ACCOUNT_A, o.accountId(), "orders carry the gateway account id");
                assertTrue(changes.add(o.orderId() + " " + o.status() + " " + o.filledQuantity().stripTrailingZeros()),
                        "order change seen twice: " + o);
            }
        }
        List<String> states = connectionStates();
        assertTrue(states.indexOf("reconnecting") >= 0 && states.indexOf("reconnecting") < states.lastIndexOf("restored"), states.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(e -> e.kind() == AccountEvent.Kind.POSITION
                && e.position().instrument().equals(TENCENT) && e.position().accountId().equals(ACCOUNT_A)
                && e.position().quantity().compareTo(new BigDecimal("600")) >= 0));
    }

    private OrderStatus lastStatus(String orderId) {
        OrderStatus last = null;
        for (AccountEvent e : seen) {
            if (e.kind() == AccountEvent.Kind.ORDER && e.order().orderId().equals(orderId)) {
                last = e.order().status();
            }
        }
        return last;
    }

    private List<String> connectionStates() {
        return seen.stream().filter(e -> e.kind() == AccountEvent.Kind.CONNECTION).map(e -> e.connection().state()).toList();
    }
}
