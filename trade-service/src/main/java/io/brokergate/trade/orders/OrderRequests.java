package io.brokergate.trade.orders;

import io.agroal.api.AgroalDataSource;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.trade.journal.WriteBehind;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency records of place requests, one per (account, client order id). The primary key is
 * the cross-pod guarantee that one key reaches the broker at most once: whoever inserts the row
 * submits; everyone else reads what happened.
 */
@ApplicationScoped
public class OrderRequests {

    public enum State {
        /** Claimed; the broker call is in progress. */
        SUBMITTING,
        ACCEPTED,
        /** The broker or the gateway said no; a retry gets the same answer. */
        REJECTED,
        /** The broker call timed out: the order may or may not exist. Resolved by lookup, never by resending. */
        UNKNOWN,
        /** Proven absent (never sent, or looked up and not found): a retry with the same key may submit. */
        NOT_PLACED
    }

    public record Row(String accountId, String clientOrderId, String tenantId, String fingerprint, State state,
                      String orderId, String errorCode, String errorDetail, Instant createdAt, Instant updatedAt) {
    }

    private static final String COLUMNS = "account_id, client_order_id, tenant_id, fingerprint, state, order_id, "
            + "error_code, error_detail, created_at, updated_at";

    private static final String ACCEPT = "UPDATE order_requests SET state = 'ACCEPTED', order_id = ?, error_code = NULL, "
            + "error_detail = NULL, updated_at = ? WHERE account_id = ? AND client_order_id = ?";

    private record Acceptance(String accountId, String clientOrderId, String orderId, Timestamp at) {
    }

    private final AgroalDataSource db;
    private final WriteBehind<Acceptance> acceptances;

    public OrderRequests(@DataSource("trade") AgroalDataSource db) {
        this.db = db;
        this.acceptances = new WriteBehind<>("order-requests", db, 500, OrderRequests::writeAcceptances);
    }

    public Optional<Row> find(String accountId, String clientOrderId) {
        List<Row> rows = select("SELECT " + COLUMNS + " FROM order_requests WHERE account_id = ? AND client_order_id = ?",
                accountId, clientOrderId);
        return rows.stream().findFirst();
    }

    /** Inserts a SUBMITTING row; false when the key is already taken (by this or another pod). */
    public boolean claim(String accountId, String clientOrderId, String tenantId, String fingerprint) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO order_requests (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?)")) {
            ps.setString(1, accountId);
            ps.setString(2, clientOrderId);
            ps.setString(3, tenantId);
            ps.setString(4, fingerprint);
            ps.setString(5, State.SUBMITTING.name());
            ps.setTimestamp(6, now);
            ps.setTimestamp(7, now);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw unavailable(e);
        }
    }

    /**
     * Gives a claimed key back (the request was refused before the broker call): deletes the row
     * while it is still SUBMITTING. Only the claimant acts on a key in that state; a concurrent
     * request that saw it meanwhile settles by lookup, finds nothing, and its retry finds the key free.
     */
    public void release(String accountId, String clientOrderId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM order_requests WHERE account_id = ? AND client_order_id = ? AND state = ?")) {
            ps.setString(1, accountId);
            ps.setString(2, clientOrderId);
            ps.setString(3, State.SUBMITTING.name());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** NOT_PLACED → SUBMITTING; true for the one caller that wins the key back. */
    public boolean reclaim(String accountId, String clientOrderId) {
        return transition(accountId, clientOrderId, State.NOT_PLACED, State.SUBMITTING, null, null, null) == 1;
    }

    public void accepted(String accountId, String clientOrderId, String orderId) {
        update(accountId, clientOrderId, State.ACCEPTED, orderId, null, null);
    }

    /**
     * ACCEPTED without the caller waiting for the database, batched with other acceptances: the
     * order path answers as soon as the broker has acknowledged. Until the row lands (normally
     * within milliseconds) the key reads SUBMITTING, and a retry settles it by looking the order up
     * (this pod's book, else the broker) exactly as after a pod died before writing it, so the
     * order is never submitted twice. A batch the database refuses is logged and leaves its keys
     * SUBMITTING, to be settled the same way.
     */
    public void acceptedLater(String accountId, String clientOrderId, String orderId) {
        acceptances.add(new Acceptance(accountId, clientOrderId, orderId, Timestamp.from(Instant.now())));
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        acceptances.stop();
    }

    private static void writeAcceptances(Connection c, List<Acceptance> batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ACCEPT)) {
            for (Acceptance a : batch) {
                ps.setString(1, a.orderId());
                ps.setTimestamp(2, a.at());
                ps.setString(3, a.accountId());
                ps.setString(4, a.clientOrderId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public void rejected(String accountId, String clientOrderId, ErrorCode code, String detail) {
        update(accountId, clientOrderId, State.REJECTED, null, code.name(), detail);
    }

    public void unknown(String accountId, String clientOrderId, String detail) {
        update(accountId, clientOrderId, State.UNKNOWN, null, ErrorCode.TIMEOUT_UNKNOWN_OUTCOME.name(), detail);
    }

    public void notPlaced(String accountId, String clientOrderId) {
        update(accountId, clientOrderId, State.NOT_PLACED, null, null, null);
    }

    /** Unknown outcomes (and submissions a crashed pod left behind) last touched before {@code before}. */
    public List<Row> unresolved(Instant before) {
        return select("SELECT " + COLUMNS + " FROM order_requests WHERE state IN ('UNKNOWN', 'SUBMITTING') AND updated_at < ?",
                Timestamp.from(before));
    }

    private void update(String accountId, String clientOrderId, State state, String orderId, String code, String detail) {
        transition(accountId, clientOrderId, null, state, orderId, code, detail);
    }

    private int transition(String accountId, String clientOrderId, State from, State to, String orderId, String code,
                           String detail) {
        String sql = "UPDATE order_requests SET state = ?, order_id = COALESCE(?, order_id), error_code = ?, error_detail = ?, "
                + "updated_at = ? WHERE account_id = ? AND client_order_id = ?" + (from == null ? "" : " AND state = ?");
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, to.name());
            ps.setString(2, orderId);
            ps.setString(3, code);
            ps.setString(4, detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000));
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            ps.setString(6, accountId);
            ps.setString(7, clientOrderId);
            if (from != null) {
                ps.setString(8, from.name());
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private List<Row> select(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            State.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant()));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static GatewayException unavailable(SQLException e) {
        return new GatewayException(ErrorCode.INTERNAL, "the order store is unavailable", null, null, e);
    }
}
