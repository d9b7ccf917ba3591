package io.brokergate.stream.owner;

import static io.brokergate.stream.upstream.SimUpstreamAccounts.ACCOUNT_A;
import static io.brokergate.stream.upstream.SimUpstreamAccounts.BROKER_NO_A;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.account.Position;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Quote;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderAck;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.core.spi.BrokerSession;
import io.brokergate.messaging.shards.AccountOwners;
import io.brokergate.remote.client.OwnerClient;
import io.brokergate.remote.client.RemoteBrokerSession;
import io.brokergate.api.security.cluster.ServiceCredential;
import io.brokergate.sim.admin.SimAdminClient;
import io.brokergate.stream.upstream.SimUpstreamAccounts;
import io.brokergate.stream.upstream.UpstreamSessions;
import io.brokergate.stream.upstream.UpstreamStatus;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The owner's internal API against the real paper exchange, called by the real client the way a
 * trade or quote pod calls it: each call reaches the exchange exactly once, on this pod's session.
 */
@QuarkusTest
@TestProfile(OwnerApiProfile.class)
class OwnerRoutesTest {

    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");
    private static final String PLACE = "/internal/v1/accounts/" + ACCOUNT_A + "/trading/place";

    @Inject
    UpstreamSessions sessions;
    @Inject
    SimUpstreamAccounts upstream;
    @Inject
    Vertx vertx;
    @TestHTTPResource("/")
    URL base;

    private SimAdminClient admin;
    private OwnerClient client;

    @BeforeEach
    void sessionsUp() {
        admin = new SimAdminClient(upstream.sim().httpUrl());
        await().atMost(Duration.ofSeconds(20)).until(() -> sessions.statuses().stream().filter(UpstreamStatus::isLive).count() == 2);
        String url = base.toString().replaceAll("/$", "");
        client = new OwnerClient(vertx, account -> Optional.of(new AccountOwners.Owner(url, 1)),
                new ServiceCredential("brokergate-introspection", Optional.of(OwnerApiProfile.SECRET)),
                new OwnerClient.Limits(Duration.ofSeconds(10), Duration.ofSeconds(2), 4, 1 << 20));
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void placeCancelPositionsAndQuotesRunOnTheOwnersSessionOnceEach() throws Exception {
        BrokerSession remote = new RemoteBrokerSession(client, ACCOUNT_A);
        long places = admin.requests(BROKER_NO_A, "POST /v1/trade/order");
        long cancels = admin.requests(BROKER_NO_A, "DELETE /v1/trade/order");
        long positions = admin.requests(BROKER_NO_A, "GET /v1/asset/stock");
        long quotes = admin.requests(BROKER_NO_A, "quote 11 QuerySecurityQuote");

        OrderAck ack = done(remote.trading().place(restingBuy("owner-api-1")));
        assertEquals("owner-api-1", ack.clientOrderId());
        Order placed = done(remote.trading().findByClientOrderId(BROKER_NO_A, "owner-api-1")).orElseThrow();
        assertEquals(ack.orderId(), placed.orderId());
        done(remote.trading().cancel(BROKER_NO_A, ack.orderId()));
        List<Position> held = done(remote.trading().positions(BROKER_NO_A));
        List<Quote> quoted = done(remote.marketData().quotes(List.of(TENCENT)));

        assertEquals(places + 1, admin.requests(BROKER_NO_A, "POST /v1/trade/order"));
        assertEquals(cancels + 1, admin.requests(BROKER_NO_A, "DELETE /v1/trade/order"));
        assertEquals(positions + 1, admin.requests(BROKER_NO_A, "GET /v1/asset/stock"));
        assertEquals(quotes + 1, admin.requests(BROKER_NO_A, "quote 11 QuerySecurityQuote"));
        assertTrue(held.stream().allMatch(p -> p.accountId() != null), held.toString());
        assertEquals(TENCENT, quoted.get(0).instrument());
        await().atMost(Duration.ofSeconds(5)).until(() -> done(remote.trading().order(BROKER_NO_A, ack.orderId()))
                .map(o -> o.status() == OrderStatus.CANCELLED).orElse(false));
        assertEquals(Optional.empty(), done(remote.trading().order(BROKER_NO_A, "no-such-order")));
    }

    @Test
    void theBrokersRejectionComesBackAsTheSameGatewayError() {
        BrokerSession remote = new RemoteBrokerSession(client, ACCOUNT_A);
        OrderRequest offTick = new OrderRequest(BROKER_NO_A, "owner-api-2", TENCENT, Side.BUY, OrderType.LIMIT,
                new BigDecimal("100"), new BigDecimal("300.03"), null, null, null, TimeInForce.DAY, null, false);
        GatewayException e = failure(remote.trading().place(offTick));
        assertFalse(e.code() == ErrorCode.TIMEOUT_UNKNOWN_OUTCOME || e.code() == ErrorCode.BROKER_UNAVAILABLE, e.toString());
        assertTrue(e.code().httpStatus() >= 400 && e.code().httpStatus() < 500, e.code() + ": " + e.getMessage());
    }

    @Test
    void aWrongOrMissingCredentialIs401AndReachesNothing() {
        long before = admin.totalRequests(BROKER_NO_A);
        given().contentType("application/json").body(body()).post(PLACE)
                .then().statusCode(401).body("code", equalTo("unauthenticated"));
        given().auth().preemptive().basic("brokergate-introspection", "wrong").contentType("application/json").body(body())
                .post(PLACE).then().statusCode(401);
        given().header("Authorization", "Bearer " + OwnerApiProfile.SECRET).contentType("application/json").body(body())
                .post(PLACE).then().statusCode(401);
        assertEquals(before, admin.totalRequests(BROKER_NO_A));
    }

    @Test
    void anAccountThisPodDoesNotOwnIs421NotOwner() {
        given().auth().preemptive().basic("brokergate-introspection", OwnerApiProfile.SECRET).contentType("application/json")
                .body(body()).post("/internal/v1/accounts/acc-elsewhere/trading/place")
                .then().statusCode(421).body("code", equalTo("not_owner"));
        GatewayException e = failure(new RemoteBrokerSession(client, "acc-elsewhere").trading().positions("X"));
        assertEquals(ErrorCode.BROKER_UNAVAILABLE, e.code(), "the owner did not change: no second attempt");
    }

    @Test
    void badAndOversizedBodiesAreRefusedInTheProblemEnvelope() {
        given().auth().preemptive().basic("brokergate-introspection", OwnerApiProfile.SECRET).contentType("application/json")
                .body("{\"accountId\":\"" + BROKER_NO_A + "\",\"instrument\":\"700.HK\",\"side\":\"BUY\",\"type\":\"LIMIT\","
                        + "\"quantity\":100,\"outsideRegularHours\":false}")
                .post(PLACE).then().statusCode(400).body("code", equalTo("invalid_request"))
                .body("detail", equalTo("limit_price is required"));
        given().auth().preemptive().basic("brokergate-introspection", OwnerApiProfile.SECRET).contentType("application/json")
                .body("{\"instruments\":[" + "\"700.HK\",".repeat(8000) + "\"700.HK\"]}")
                .post("/internal/v1/accounts/" + ACCOUNT_A + "/market-data/quotes")
                .then().statusCode(413).body("code", equalTo("payload_too_large"));
    }

    private static String body() {
        return "{\"accountId\":\"" + BROKER_NO_A + "\",\"clientOrderId\":\"never\",\"instrument\":\"700.HK\",\"side\":\"BUY\","
                + "\"type\":\"LIMIT\",\"quantity\":100,\"limitPrice\":300,\"outsideRegularHours\":false}";
    }

    private static OrderRequest restingBuy(String clientOrderId) {
        return new OrderRequest(BROKER_NO_A, clientOrderId, TENCENT, Side.BUY, OrderType.LIMIT, new BigDecimal("100"),
                new BigDecimal("300"), null, null, null, TimeInForce.DAY, null, false);
    }

    private static <T> T done(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static GatewayException failure(CompletionStage<?> stage) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> stage.toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof GatewayException, String.valueOf(e.getCause()));
        return (GatewayException) e.getCause();
    }
}
