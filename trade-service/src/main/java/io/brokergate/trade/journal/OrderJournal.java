package io.brokergate.trade.journal;

import io.agroal.api.AgroalDataSource;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderLifecycle;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders and executions as the gateway last saw them, in the trade datasource. Writes come from
 * the event consumer and are batched by one writer thread (order events arrive in bursts; a batch
 * is one transaction, {@link WriteBehind}), so the consumer never waits on the disk. Reads serve
 * listing, history and the rebuild after a restart.
 */
@ApplicationScoped
public class OrderJournal {

    private static final int MAX_BATCH = 500;
    private static final String[] ORDER_KEYS = {"account_id", "order_id"};
    private static final String[] ORDER_COLUMNS = {"account_id", "order_id", "tenant_id", "client_order_id", "symbol",
            "side", "order_type", "time_in_force", "quantity", "limit_price", "stop_price", "expire_date",
            "filled_quantity", "average_fill_price", "status", "message", "created_at", "updated_at"};
    private static final String[] EXECUTION_KEYS = {"account_id", "execution_id"};
    private static final String[] EXECUTION_COLUMNS = {"account_id", "execution_id", "tenant_id", "order_id", "symbol",
            "side", "quantity", "price", "fee", "executed_at"};
    private static final String ORDER_SELECT = "SELECT " + String.join(", ", ORDER_COLUMNS) + " FROM orders";
    private static final String EXECUTION_SELECT = "SELECT " + String.join(", ", EXECUTION_COLUMNS) + " FROM executions";

    private record Pending(String tenantId, Order order, Execution execution, AuditEntry audit) {
    }

    private static final String AUDIT_INSERT = "INSERT INTO trade_audit (tenant_id, account_id, action, order_id, "
            + "client_order_id, subject, credential_kind, client_id, source_address, outcome, detail, at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final AgroalDataSource db;
    // A failed batch is dropped: the in-memory book is still right, the rows come back with the next change or reconciliation.
    private final WriteBehind<Pending> writer;
    private volatile String orderUpsert;
    private volatile String executionUpsert;

    public OrderJournal(@DataSource("trade") AgroalDataSource db) {
        this.db = db;
        this.writer = new WriteBehind<>("order-journal", db, MAX_BATCH, this::write);
    }

    public void record(String tenantId, Order order) {
        writer.add(new Pending(tenantId, order, null, null));
    }

    public void record(AuditEntry entry) {
        writer.add(new Pending(entry.tenantId(), null, null, entry));
    }

    public void record(String tenantId, Execution execution) {
        writer.add(new Pending(tenantId, null, execution, null));
    }

    /** Lets queued writes land before shutdown (bounded). */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        writer.stop();
    }

    /** True once everything queued so far is written (tests and shutdown). */
    public boolean idle() {
        return writer.idle();
    }

    private void write(Connection c, List<Pending> batch) throws SQLException {
        prepareStatements(c);
        try (PreparedStatement orders = c.prepareStatement(orderUpsert);
             PreparedStatement fills = c.prepareStatement(executionUpsert);
             PreparedStatement audits = c.prepareStatement(AUDIT_INSERT)) {
            for (Pending p : latestOrders(batch)) {
                bindOrder(orders, p.tenantId(), p.order());
                orders.addBatch();
            }
            for (Pending p : batch) {
                if (p.execution() != null) {
                    bindExecution(fills, p.tenantId(), p.execution());
                    fills.addBatch();
                } else if (p.audit() != null) {
                    bindAudit(audits, p.audit());
                    audits.addBatch();
                }
            }
            orders.executeBatch();
            fills.executeBatch();
            audits.executeBatch();
        }
    }

    /**
     * One row per order and batch: the acknowledgement's pending snapshot and the broker's push
     * that it is working usually arrive within a millisecond, and only the later state needs
     * writing. Later means what the book means by it, so a snapshot queued late by a slower thread
     * cannot put an older state back.
     */
    private static Collection<Pending> latestOrders(List<Pending> batch) {
        Map<String, Pending> latest = new LinkedHashMap<>();
        for (Pending p : batch) {
            if (p.order() != null) {
                latest.merge(p.order().accountId() + '\n' + p.order().orderId(), p,
                        (kept, next) -> OrderLifecycle.supersedes(kept.order(), next.order()) ? next : kept);
            }
        }
        return latest.values();
    }

    private void prepareStatements(Connection c) throws SQLException {
        if (orderUpsert == null) {
            SqlDialect dialect = SqlDialect.of(c);
            orderUpsert = dialect.upsert("orders", ORDER_KEYS, ORDER_COLUMNS, "updated_at");
            executionUpsert = dialect.upsert("executions", EXECUTION_KEYS, EXECUTION_COLUMNS, null);
        }
    }

    private static void bindOrder(PreparedStatement ps, String tenantId, Order o) throws SQLException {
        ps.setString(1, o.accountId());
        ps.setString(2, o.orderId());
        ps.setString(3, tenantId);
        ps.setString(4, o.clientOrderId());
        ps.setString(5, o.instrument().symbol());
        ps.setString(6, o.side().name());
        ps.setString(7, o.type().name());
        ps.setString(8, o.timeInForce() == null ? TimeInForce.DAY.name() : o.timeInForce().name());
        ps.setBigDecimal(9, o.quantity());
        ps.setBigDecimal(10, o.limitPrice());
        ps.setBigDecimal(11, o.stopPrice());
        ps.setDate(12, o.expireDate() == null ? null : Date.valueOf(o.expireDate()));
        ps.setBigDecimal(13, o.filledQuantity());
        ps.setBigDecimal(14, o.averageFillPrice());
        ps.setString(15, o.status().name());
        ps.setString(16, truncate(o.message()));
        Instant created = o.createdAt() == null ? Instant.now() : o.createdAt();
        ps.setTimestamp(17, Timestamp.from(created));
        ps.setTimestamp(18, Timestamp.from(o.updatedAt() == null ? created : o.updatedAt()));
    }

    private static void bindExecution(PreparedStatement ps, String tenantId, Execution e) throws SQLException {
        ps.setString(1, e.accountId());
        ps.setString(2, e.executionId());
        ps.setString(3, tenantId);
        ps.setString(4, e.orderId());
        ps.setString(5, e.instrument().symbol());
        ps.setString(6, e.side().name());
        ps.setBigDecimal(7, e.quantity());
        ps.setBigDecimal(8, e.price());
        ps.setBigDecimal(9, e.fee());
        ps.setTimestamp(10, Timestamp.from(e.time()));
    }

    private static void bindAudit(PreparedStatement ps, AuditEntry a) throws SQLException {
        ps.setString(1, a.tenantId());
        ps.setString(2, a.accountId());
        ps.setString(3, a.action());
        ps.setString(4, a.orderId());
        ps.setString(5, a.clientOrderId());
        ps.setString(6, a.subject());
        ps.setString(7, a.credentialKind());
        ps.setString(8, a.clientId());
        ps.setString(9, a.sourceAddress());
        ps.setString(10, a.outcome());
        ps.setString(11, a.detail());
        ps.setTimestamp(12, Timestamp.from(a.at()));
    }

    /** The audit trail of one account, newest first. */
    public List<AuditEntry> audit(String accountId, int limit) {
        return query("SELECT tenant_id, account_id, action, order_id, client_order_id, subject, credential_kind, client_id, "
                + "source_address, outcome, detail, at FROM trade_audit WHERE account_id = ? ORDER BY id DESC",
                List.of(accountId), limit, rs -> new AuditEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant()));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    /** One page of an account's orders, newest first, after the cursor position. */
    public List<Order> orders(String accountId, OrderFilter filter, OrderCursor after, int limit) {
        StringBuilder sql = new StringBuilder(ORDER_SELECT).append(" WHERE account_id = ?");
        List<Object> args = new ArrayList<>(List.of(accountId));
        filter.appendTo(sql, args);
        if (after != null) {
            sql.append(" AND (created_at < ? OR (created_at = ? AND order_id < ?))");
            args.add(Timestamp.from(after.createdAt()));
            args.add(Timestamp.from(after.createdAt()));
            args.add(after.orderId());
        }
        sql.append(" ORDER BY created_at DESC, order_id DESC");
        return query(sql.toString(), args, limit, OrderJournal::order);
    }

    public Optional<Order> order(String accountId, String orderId) {
        return query(ORDER_SELECT + " WHERE account_id = ? AND order_id = ?", List.of(accountId, orderId), 1,
                OrderJournal::order).stream().findFirst();
    }

    /** Orders still open, or changed since {@code since}: the book's starting point after a restart. */
    public List<Order> openOrChangedSince(String accountId, Instant since) {
        List<Object> args = new ArrayList<>(List.of(accountId, Timestamp.from(since)));
        StringBuilder sql = new StringBuilder(ORDER_SELECT).append(" WHERE account_id = ? AND (updated_at >= ? OR status IN (");
        OrderStatus[] open = java.util.Arrays.stream(OrderStatus.values()).filter(OrderStatus::isOpen).toArray(OrderStatus[]::new);
        for (int i = 0; i < open.length; i++) {
            sql.append(i == 0 ? "?" : ", ?");
            args.add(open[i].name());
        }
        sql.append("))");
        return query(sql.toString(), args, 100_000, OrderJournal::order);
    }

    public List<Execution> executions(String accountId, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder(EXECUTION_SELECT).append(" WHERE account_id = ?");
        List<Object> args = new ArrayList<>(List.of(accountId));
        if (from != null) {
            sql.append(" AND executed_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND executed_at < ?");
            args.add(Timestamp.from(to));
        }
        sql.append(" ORDER BY executed_at DESC, execution_id DESC");
        return query(sql.toString(), args, limit, OrderJournal::execution);
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> args, int limit, RowReader<T> reader) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            ps.setMaxRows(limit);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new GatewayException(ErrorCode.INTERNAL, "the order journal is unavailable", null, null, e);
        }
    }

    private static Order order(ResultSet rs) throws SQLException {
        Date expire = rs.getDate(12);
        return new Order(rs.getString(2), rs.getString(4), rs.getString(1), InstrumentId.parse(rs.getString(5)),
                Side.valueOf(rs.getString(6)), OrderType.valueOf(rs.getString(7)), TimeInForce.valueOf(rs.getString(8)),
                rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11), expire == null ? null : expire.toLocalDate(),
                rs.getBigDecimal(13), rs.getBigDecimal(14), OrderStatus.valueOf(rs.getString(15)), rs.getString(16),
                rs.getTimestamp(17).toInstant(), rs.getTimestamp(18).toInstant());
    }

    private static Execution execution(ResultSet rs) throws SQLException {
        return new Execution(rs.getString(2), rs.getString(4), rs.getString(1), InstrumentId.parse(rs.getString(5)),
                Side.valueOf(rs.getString(6)), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                rs.getTimestamp(10).toInstant());
    }
}
