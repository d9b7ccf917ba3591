package io.brokergate.trade.orders;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_A;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.core.order.OrderQuery;
import io.brokergate.sim.admin.SimAdminClient;
import io.brokergate.trade.sim.SimTradingAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One client order id reaches the broker at most once: retries, concurrency and broker timeouts. */
@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class IdempotencyTest {

    private static final String SUBMIT = "POST /v1/trade/order";

    @InjectFakeAuthServer
    FakeAuthServer authServer;
    @Inject
    SimTradingAccounts sim;
    @Inject
    OrderRequests requests;

    private SimAdminClient admin;
    private final TradeApi trader = TradeApi.as(TENANT_A, "trade accounts:read", ACCOUNT_A);

    @BeforeEach
    void setUp() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
        admin = new SimAdminClient(sim.sim().httpUrl());
    }

    @AfterEach
    void cleanUp() {
        admin.latency(0);
        trader.request().delete("/v1/accounts/" + ACCOUNT_A + "/orders").then().statusCode(200);
    }

    @Test
    void theSameKeyAndBodyReturnTheFirstResultAndAnotherBodyIsAConflict() {
        String cid = "idem-" + UUID.randomUUID();
        String first = trader.place(ACCOUNT_A, TradeApi.limitBuy(cid, "100", "600")).then().statusCode(201)
                .header("Idempotent-Replayed", "false").extract().jsonPath().getString("order_id");
        // 100.00 is the same quantity as 100.
        trader.place(ACCOUNT_A, TradeApi.limitBuy(cid, "100.00", "600.0")).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("order_id", is(first));
        trader.place(ACCOUNT_A, TradeApi.limitBuy(cid, "200", "600")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", is("client_order_id " + cid + " was already used for a different order"));
        assertEquals(1, brokerOrdersWith(cid));
    }

    @Test
    void aHundredConcurrentPlacesWithOneKeyCreateOneOrder() throws Exception {
        warmUp();
        String cid = "race-" + UUID.randomUUID();
        long submitsBefore = submits();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Callable<Response> place = () -> trader.place(ACCOUNT_A, TradeApi.limitBuy(cid, "100", "599"));
                answers.add(pool.submit(place));
            }
            String orderId = null;
            for (Future<Response> f : answers) {
                Response r = f.get();
                assertEquals(201, r.statusCode(), r.asString());
                String id = r.jsonPath().getString("order_id");
                orderId = orderId == null ? id : orderId;
                assertEquals(orderId, id);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(submitsBefore + 1, submits());
        assertEquals(1, brokerOrdersWith(cid));
    }

    @Test
    void aBrokerTimeoutIsSettledByLookupAndNeverPlacedTwice() {
        warmUp();
        String cid = "slow-" + UUID.randomUUID();
        admin.latency(SimTradingAccounts.REST_TIMEOUT.toMillis() + 1_500);
        trader.place(ACCOUNT_A, TradeApi.limitBuy(cid, "100", "598")).then().statusCode(202)
                .body("status", is("pending_new"))
                .body("outcome", is("unknown"))
                .body("client_order_id", is(cid));
        admin.latency(0);
        // The exchange did take the order: a retry finds it instead of sending it again.
        await().atMost(Duration.ofSeconds(15)).until(() -> trader.place(ACCOUNT_A, TradeApi.limitBuy(cid, "100", "598"))
                .statusCode() == 201);
        trader.place(ACCOUNT_A, TradeApi.limitBuy(cid, "100", "598")).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("client_order_id", is(cid));
        assertEquals(1, brokerOrdersWith(cid));
    }

    @Test
    void theKeysAcceptanceIsWrittenBehindTheAnswerAndARetryFindsTheSameOrder() {
        String cid = "behind-" + UUID.randomUUID();
        String orderId = trader.place(ACCOUNT_A, TradeApi.limitBuy(cid, "100", "597")).then().statusCode(201)
                .extract().jsonPath().getString("order_id");
        // At once (while the key may still read SUBMITTING) and after the write: the same order, never a second one.
        trader.place(ACCOUNT_A, TradeApi.limitBuy(cid, "100", "597")).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("order_id", is(orderId));
        await().atMost(Duration.ofSeconds(10)).until(() -> requests.find(ACCOUNT_A, cid)
                .filter(r -> r.state() == OrderRequests.State.ACCEPTED && orderId.equals(r.orderId())).isPresent());
        trader.place(ACCOUNT_A, TradeApi.limitBuy(cid, "100", "597")).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("order_id", is(orderId));
        assertEquals(1, brokerOrdersWith(cid));
    }

    /** The instrument's reference data is cached after the first order; later tests time only the place itself. */
    private void warmUp() {
        trader.place(ACCOUNT_A, TradeApi.limitBuy("warm-" + UUID.randomUUID(), "100", "500")).then().statusCode(201);
    }

    private long submits() {
        return admin.accountStats(sim.account(ACCOUNT_A).brokerAccountNo()).path("requests").path(SUBMIT).asLong();
    }

    private long brokerOrdersWith(String cid) {
        return sim.session(ACCOUNT_A).orElseThrow().trading()
                .todayOrders(sim.account(ACCOUNT_A).brokerAccountNo(), OrderQuery.ALL).toCompletableFuture().join()
                .stream().filter(o -> cid.equals(o.clientOrderId())).count();
    }
}
