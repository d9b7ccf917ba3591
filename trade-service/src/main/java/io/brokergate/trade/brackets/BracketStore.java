package io.brokergate.trade.brackets;

import io.agroal.api.AgroalDataSource;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
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
 * Bracket legs in the {@code trade} database. State changes are compare-and-set updates
 * ({@code WHERE state = ?}), so when several pods react to the same fill exactly one wins each
 * transition.
 */
@ApplicationScoped
public class BracketStore {

    private static final String COLUMNS = "leg_id, account_id, tenant_id, parent_client_order_id, parent_order_id, role, "
            + "symbol, side, order_type, quantity, price, trailing_amount, state, order_id, message, placed_by, "
            + "credential_kind, created_at, updated_at";

    private final AgroalDataSource db;

    public BracketStore(@DataSource("trade") AgroalDataSource db) {
        this.db = db;
    }

    /** Inserts the legs of one parent together; false when that parent already has legs. */
    public boolean insert(List<BracketLeg> legs) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bracket_legs (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (BracketLeg leg : legs) {
                    bind(ps, leg);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    public List<BracketLeg> ofParent(String accountId, String parentClientOrderId) {
        return select("WHERE account_id = ? AND parent_client_order_id = ? ORDER BY role", accountId, parentClientOrderId);
    }

    public Optional<BracketLeg> find(String accountId, String legId) {
        return select("WHERE account_id = ? AND leg_id = ?", accountId, legId).stream().findFirst();
    }

    /** Legs not yet final, of one account. */
    public List<BracketLeg> open(String accountId) {
        return select("WHERE account_id = ? AND state IN ('INACTIVE', 'SUBMITTING', 'ARMED', 'ACTIVE') ORDER BY created_at, leg_id",
                accountId);
    }

    /** Open legs, and legs that ended since {@code since} (TradingView lists final orders a while). */
    public List<BracketLeg> listed(String accountId, Instant since) {
        return select("WHERE account_id = ? AND (state IN ('INACTIVE', 'SUBMITTING', 'ARMED', 'ACTIVE') OR updated_at >= ?) "
                + "ORDER BY created_at, leg_id", accountId, Timestamp.from(since));
    }

    /** Legs left mid-placement by a stopped pod, of every account. */
    public List<BracketLeg> submitting() {
        return select("WHERE state = 'SUBMITTING' ORDER BY created_at");
    }

    /** Compare-and-set of the state; true for the one caller that made the transition. */
    public boolean transition(String accountId, String legId, LegState from, LegState to, String orderId, String message) {
        return update("UPDATE bracket_legs SET state = ?, order_id = COALESCE(?, order_id), message = COALESCE(?, message), "
                + "updated_at = ? WHERE account_id = ? AND leg_id = ? AND state = ?",
                to.name(), orderId, message, now(), accountId, legId, from.name()) == 1;
    }

    /** Armed stops of every account (the market-data watch reloads them: another pod may have armed some). */
    public List<BracketLeg> armed() {
        return select("WHERE state = 'ARMED' ORDER BY created_at");
    }

    /** An armed stop the market reached becomes a market order being placed; true for the one caller that fired it. */
    public boolean fire(String accountId, String legId, String message) {
        return update("UPDATE bracket_legs SET state = 'SUBMITTING', order_type = 'MARKET', price = NULL, message = ?, "
                + "updated_at = ? WHERE account_id = ? AND leg_id = ? AND state = 'ARMED'", message, now(), accountId,
                legId) == 1;
    }

    /** Sizes an inactive leg to what its parent filled. */
    public boolean resize(String accountId, String legId, BigDecimal quantity) {
        return update("UPDATE bracket_legs SET quantity = ?, updated_at = ? WHERE account_id = ? AND leg_id = ? "
                + "AND state IN ('INACTIVE', 'SUBMITTING')", quantity, now(), accountId, legId) == 1;
    }

    /** New exit price (or trailing distance) of a leg that is not at the broker yet. */
    public boolean reprice(String accountId, String legId, BigDecimal price, BigDecimal trailingAmount) {
        return update("UPDATE bracket_legs SET price = ?, trailing_amount = ?, updated_at = ? WHERE account_id = ? "
                + "AND leg_id = ? AND state IN ('INACTIVE', 'ARMED')", price, trailingAmount, now(), accountId, legId) == 1;
    }

    public void parentPlaced(String accountId, String parentClientOrderId, String parentOrderId) {
        update("UPDATE bracket_legs SET parent_order_id = ?, updated_at = ? WHERE account_id = ? "
                + "AND parent_client_order_id = ? AND parent_order_id IS NULL", parentOrderId, now(), accountId,
                parentClientOrderId);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private int update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private List<BracketLeg> select(String where, Object... args) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM bracket_legs " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<BracketLeg> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static void bind(PreparedStatement ps, BracketLeg l) throws SQLException {
        ps.setString(1, l.legId());
        ps.setString(2, l.accountId());
        ps.setString(3, l.tenantId());
        ps.setString(4, l.parentClientOrderId());
        ps.setString(5, l.parentOrderId());
        ps.setString(6, l.role().name());
        ps.setString(7, l.instrument().symbol());
        ps.setString(8, l.side().name());
        ps.setString(9, l.type().name());
        ps.setBigDecimal(10, l.quantity());
        ps.setBigDecimal(11, l.price());
        ps.setBigDecimal(12, l.trailingAmount());
        ps.setString(13, l.state().name());
        ps.setString(14, l.orderId());
        ps.setString(15, l.message());
        ps.setString(16, l.placedBy());
        ps.setString(17, l.credentialKind().name());
        ps.setTimestamp(18, Timestamp.from(l.createdAt()));
        ps.setTimestamp(19, Timestamp.from(l.updatedAt()));
    }

    private static BracketLeg read(ResultSet rs) throws SQLException {
        return new BracketLeg(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                LegRole.valueOf(rs.getString(6)), InstrumentId.parse(rs.getString(7)), Side.valueOf(rs.getString(8)),
                OrderType.valueOf(rs.getString(9)), strip(rs.getBigDecimal(10)), strip(rs.getBigDecimal(11)),
                strip(rs.getBigDecimal(12)), LegState.valueOf(rs.getString(13)), rs.getString(14), rs.getString(15),
                rs.getString(16), CredentialKind.valueOf(rs.getString(17)), rs.getTimestamp(18).toInstant(),
                rs.getTimestamp(19).toInstant());
    }

    /** DECIMAL(24, 8) pads: 320.20000000 would not compare equal to the 320.2 a client sent. */
    private static BigDecimal strip(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal stripped = v.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static GatewayException unavailable(SQLException e) {
        return new GatewayException(ErrorCode.INTERNAL, "bracket store unavailable: " + e.getSQLState(), null, null, e);
    }
}
