package io.brokergate.trade.postgres;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A2;
import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_B;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_B;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.trade.journal.OrderJournal;
import io.brokergate.trade.orders.TradeApi;
import io.brokergate.trade.sim.PaperExchangeTest;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The order path end to end with trade-service's state on PostgreSQL (cluster mode): idempotency records, the
 * journal, risk limits and bracket legs are written and read through the PostgreSQL dialect, checked through the API
 * and in the tables themselves.
 */
@QuarkusTest
@TestProfile(PostgresTradeProfile.class)
@WithTestResource(FakeAuthServerResource.class)
@ExtendWith(TradePostgres.Condition.class)
class OrderPathPostgresTest extends PaperExchangeTest {

    private final TradeApi trader = TradeApi.as(TENANT_A, "trade accounts:read", ACCOUNT_A, ACCOUNT_A2);

    @Inject
    @DataSource("trade")
    AgroalDataSource db;
    @Inject
    OrderJournal journal;

    @BeforeEach
    void onPostgres() throws SQLException {
        try (Connection c = db.getConnection()) {
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void placeRetryConflictCancelAndTheJournal() throws SQLException {
        String cid = "pg-" + UUID.randomUUID();
        String orderId = trader.place(ACCOUNT_A, TradeApi.limitBuy(cid, "100", "600")).then().statusCode(201)
                .header("Idempotent-Replayed", "false").extract().jsonPath().getString("order_id");
        trader.place(ACCOUNT_A, TradeApi.limitBuy(cid, "100.0", "600")).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("order_id", is(orderId));
        trader.place(ACCOUNT_A, TradeApi.limitBuy(cid, "200", "600")).then().statusCode(409)
                .body("detail", is("client_order_id " + cid + " was already used for a different order"));
        awaitStatus(ACCOUNT_A, orderId, "working");

        trader.request().delete("/v1/accounts/" + ACCOUNT_A + "/orders/" + orderId).then().statusCode(202);
        awaitStatus(ACCOUNT_A, orderId, "cancelled");
        await().atMost(Duration.ofSeconds(10)).until(() -> "CANCELLED".equals(
                one("SELECT status FROM orders WHERE account_id = ? AND order_id = ?", ACCOUNT_A, orderId)));
        await().atMost(Duration.ofSeconds(10)).until(() -> orderId.equals(
                one("SELECT order_id FROM order_requests WHERE account_id = ? AND client_order_id = ? AND state = 'ACCEPTED'",
                        ACCOUNT_A, cid)));
        await().atMost(Duration.ofSeconds(10)).until(() -> all("SELECT action FROM trade_audit WHERE account_id = ?"
                + " AND order_id = ? ORDER BY id", ACCOUNT_A, orderId).containsAll(List.of("place", "cancel")));
    }

    /** The gateway's pending record has milliseconds, the broker's states whole seconds: the same second's state wins. */
    @Test
    void aBrokerStateOfTheSameSecondReplacesThePendingRecordButAnOlderSecondDoesNot() {
        String orderId = "pg-journal-" + UUID.randomUUID();
        Instant second = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        journal.record(TENANT_A, order(orderId, OrderStatus.PENDING_NEW, second.plusMillis(700)));
        awaitJournal(orderId, "PENDING_NEW"); // written on its own, not merged into the next batch
        journal.record(TENANT_A, order(orderId, OrderStatus.WORKING, second));
        awaitJournal(orderId, "WORKING");

        journal.record(TENANT_A, order(orderId, OrderStatus.PENDING_NEW, second.minusSeconds(1))); // a lagging pod
        journal.record(TENANT_A, order(orderId, OrderStatus.CANCELLED, second.plusSeconds(1)));
        awaitJournal(orderId, "CANCELLED");
    }

    private void awaitJournal(String orderId, String status) {
        await().atMost(Duration.ofSeconds(10)).until(() -> status.equals(
                one("SELECT status FROM orders WHERE account_id = ? AND order_id = ?", ACCOUNT_A, orderId)));
    }

    private static Order order(String orderId, OrderStatus status, Instant updatedAt) {
        return new Order(orderId, orderId, ACCOUNT_A, InstrumentId.parse("700.HK"), Side.BUY, OrderType.LIMIT, TimeInForce.DAY,
                BigDecimal.valueOf(100), BigDecimal.valueOf(600), null, null, BigDecimal.ZERO, null, status, null,
                updatedAt.truncatedTo(ChronoUnit.SECONDS), updatedAt);
    }

    @Test
    void riskLimitsAreStoredAndRefuseBeforeTheBroker() throws SQLException {
        TradeApi riskAdmin = TradeApi.as(TENANT_B, "admin trade accounts:read", ACCOUNT_B);
        riskAdmin.request().contentType("application/json").body("{\"max_quantity\": 100}")
                .put("/v1/risk/limits/accounts/" + ACCOUNT_B).then().statusCode(200);
        try {
            assertTrue(one("SELECT definition FROM risk_limits WHERE tenant_id = ? AND scope_id = ?", TENANT_B, ACCOUNT_B)
                    .contains("max_quantity"));
            String cid = "pg-risk-" + UUID.randomUUID();
            riskAdmin.place(ACCOUNT_B, TradeApi.limitBuy(cid, "200", "550")).then().statusCode(403)
                    .body("detail", containsString("max_quantity"));
            riskAdmin.place(ACCOUNT_B, TradeApi.limitBuy(cid, "100", "550")).then().statusCode(201)
                    .header("Idempotent-Replayed", "false");
        } finally {
            riskAdmin.request().delete("/v1/risk/limits/accounts/" + ACCOUNT_B);
            riskAdmin.request().delete("/v1/accounts/" + ACCOUNT_B + "/orders");
        }
    }

    @Test
    void bracketLegsFollowTheEntryAndTheirExit() {
        String orderId = trader.place(ACCOUNT_A2, "{\"client_order_id\":\"pg-tp-" + UUID.randomUUID() + "\",\"symbol\":\"700.HK\","
                        + "\"side\":\"buy\",\"type\":\"limit\",\"quantity\":100,\"limit_price\":650,\"take_profit\":700,"
                        + "\"stop_loss\":600}").then().statusCode(201).extract().jsonPath().getString("order_id");
        awaitStatus(ACCOUNT_A2, orderId, "filled");
        awaitLeg(orderId, "take_profit", "active");
        awaitLeg(orderId, "stop_loss", "armed");

        admin.movePrice("700.HK", "705");
        awaitLeg(orderId, "take_profit", "filled");
        awaitLeg(orderId, "stop_loss", "cancelled");
    }

    private void awaitStatus(String account, String orderId, String status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> status.equals(trader.get("/v1/accounts/" + account + "/orders/"
                + orderId).jsonPath().getString("status")));
    }

    /** Through the API and in bracket_legs. */
    private void awaitLeg(String orderId, String role, String state) {
        await().atMost(Duration.ofSeconds(15)).until(() -> trader.get("/v1/accounts/" + ACCOUNT_A2 + "/orders/" + orderId
                + "/brackets").jsonPath().getList("findAll { it.role == '" + role + "' }.state").equals(List.of(state)));
        await().atMost(Duration.ofSeconds(10)).until(() -> state.equalsIgnoreCase(one("SELECT state FROM bracket_legs"
                + " WHERE account_id = ? AND parent_order_id = ? AND role = ?", ACCOUNT_A2, orderId, role.toUpperCase())));
    }

    private String one(String sql, String... args) throws SQLException {
        List<String> rows = all(sql, args);
        return rows.isEmpty() ? "" : rows.get(0);
    }

    private List<String> all(String sql, String... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
