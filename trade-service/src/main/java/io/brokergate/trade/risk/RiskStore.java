package io.brokergate.trade.risk;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The risk tables of the "trade" datasource (V2__risk_limits.sql). Blocking JDBC: call it from
 * worker threads (admin resources, {@link RiskSync}'s timer), never from admit() or an event loop.
 * Every change to limits or kill switches bumps {@code risk_revision} in the same transaction.
 */
@ApplicationScoped
public class RiskStore {

    /** scope_id of the tenant scope and of a tenant-wide kill switch. */
    static final String WHOLE_TENANT = "*";

    private static final String LIMIT_COLUMNS = "tenant_id, scope_kind, scope_id, definition, updated_by, updated_at";
    private static final String SWITCH_COLUMNS = "tenant_id, scope_id, reason, engaged_by, engaged_at";

    private final javax.sql.DataSource db;

    @Inject
    public RiskStore(@DataSource("trade") AgroalDataSource db) {
        this.db = db;
    }

    /** For tests that run the migrations on a plain DataSource (H2 or PostgreSQL) without Quarkus. */
    RiskStore(javax.sql.DataSource db) {
        this.db = db;
    }

    public long revision() {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT revision FROM risk_revision WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new RiskStoreException("cannot read the risk revision", e);
        }
    }

    public List<ScopeLimits> allLimits() {
        return limits("SELECT " + LIMIT_COLUMNS + " FROM risk_limits", null);
    }

    public List<ScopeLimits> limits(String tenantId) {
        return limits("SELECT " + LIMIT_COLUMNS + " FROM risk_limits WHERE tenant_id = ? ORDER BY scope_kind, scope_id", tenantId);
    }

    public Optional<ScopeLimits> limits(String tenantId, RiskScope scope, String scopeId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + LIMIT_COLUMNS + " FROM risk_limits WHERE tenant_id = ? AND scope_kind = ? AND scope_id = ?")) {
            ps.setString(1, tenantId);
            ps.setString(2, scope.wireName());
            ps.setString(3, storedId(scopeId));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readLimits(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new RiskStoreException("cannot read risk limits", e);
        }
    }

    /** Creates or replaces the limits of a scope. */
    public void put(ScopeLimits l) {
        inTransaction("cannot store risk limits", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE risk_limits SET definition = ?, updated_by = ?, updated_at = ?"
                    + " WHERE tenant_id = ? AND scope_kind = ? AND scope_id = ?")) {
                update.setString(1, RiskLimitsJson.text(l.limits()));
                update.setString(2, l.updatedBy());
                update.setTimestamp(3, Timestamp.from(l.updatedAt()));
                update.setString(4, l.tenantId());
                update.setString(5, l.scope().wireName());
                update.setString(6, storedId(l.scopeId()));
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO risk_limits (" + LIMIT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, l.tenantId());
                insert.setString(2, l.scope().wireName());
                insert.setString(3, storedId(l.scopeId()));
                insert.setString(4, RiskLimitsJson.text(l.limits()));
                insert.setString(5, l.updatedBy());
                insert.setTimestamp(6, Timestamp.from(l.updatedAt()));
                insert.executeUpdate();
                return true;
            }
        });
    }

    /** False when the scope had no limits. */
    public boolean delete(String tenantId, RiskScope scope, String scopeId) {
        return inTransaction("cannot delete risk limits", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM risk_limits WHERE tenant_id = ? AND scope_kind = ? AND scope_id = ?")) {
                ps.setString(1, tenantId);
                ps.setString(2, scope.wireName());
                ps.setString(3, storedId(scopeId));
                return ps.executeUpdate() == 1;
            }
        });
    }

    public List<KillSwitch> allKillSwitches() {
        return switches("SELECT " + SWITCH_COLUMNS + " FROM risk_kill_switches", null);
    }

    public List<KillSwitch> killSwitches(String tenantId) {
        return switches("SELECT " + SWITCH_COLUMNS + " FROM risk_kill_switches WHERE tenant_id = ? ORDER BY engaged_at, scope_id", tenantId);
    }

    /** Engages (or re-engages with a new reason) a kill switch. */
    public void engage(KillSwitch s) {
        inTransaction("cannot engage the kill switch", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM risk_kill_switches WHERE tenant_id = ? AND scope_id = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO risk_kill_switches (" + SWITCH_COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
                delete.setString(1, s.tenantId());
                delete.setString(2, storedId(s.accountId()));
                delete.executeUpdate();
                insert.setString(1, s.tenantId());
                insert.setString(2, storedId(s.accountId()));
                insert.setString(3, s.reason());
                insert.setString(4, s.engagedBy());
                insert.setTimestamp(5, Timestamp.from(s.engagedAt()));
                insert.executeUpdate();
                return true;
            }
        });
    }

    /** False when the switch was not engaged. */
    public boolean release(String tenantId, String accountId) {
        return inTransaction("cannot release the kill switch", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM risk_kill_switches WHERE tenant_id = ? AND scope_id = ?")) {
                ps.setString(1, tenantId);
                ps.setString(2, storedId(accountId));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Adds counted orders to their day's row (the row is the sum over all pods). */
    public void addDailyCount(PendingCount count, Instant now) {
        try (Connection c = db.getConnection()) {
            if (increment(c, count, now) == 0) {
                try {
                    insert(c, count, now);
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    increment(c, count, now); // another pod inserted the row first
                }
            }
        } catch (SQLException e) {
            throw new RiskStoreException("cannot write daily order counts", e);
        }
    }

    /** Daily counts of {@code since} and later. */
    public Map<DailyCountKey, Long> dailyCounts(LocalDate since) {
        Map<DailyCountKey, Long> out = new HashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT tenant_id, scope_kind, scope_id, trading_day, order_count FROM risk_daily_counts WHERE trading_day >= ?")) {
            ps.setObject(1, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RiskScope scope = scope(rs.getString(2));
                    out.put(new DailyCountKey(rs.getString(1), scope, loadedId(scope, rs.getString(3)),
                            rs.getObject(4, LocalDate.class).toEpochDay()), rs.getLong(5));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new RiskStoreException("cannot read daily order counts", e);
        }
    }

    public int purgeDailyCounts(LocalDate before) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM risk_daily_counts WHERE trading_day < ?")) {
            ps.setObject(1, before);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new RiskStoreException("cannot purge daily order counts", e);
        }
    }

    private static int increment(Connection c, PendingCount p, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE risk_daily_counts SET order_count = order_count + ?, updated_at = ?"
                + " WHERE tenant_id = ? AND scope_kind = ? AND scope_id = ? AND trading_day = ?")) {
            ps.setLong(1, p.orders());
            ps.setTimestamp(2, Timestamp.from(now));
            bindKey(ps, 3, p.key());
            return ps.executeUpdate();
        }
    }

    private static void insert(Connection c, PendingCount p, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO risk_daily_counts"
                + " (tenant_id, scope_kind, scope_id, trading_day, order_count, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            bindKey(ps, 1, p.key());
            ps.setLong(5, p.orders());
            ps.setTimestamp(6, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    private static void bindKey(PreparedStatement ps, int first, DailyCountKey k) throws SQLException {
        ps.setString(first, k.tenantId());
        ps.setString(first + 1, k.scope().wireName());
        ps.setString(first + 2, storedId(k.scopeId()));
        ps.setObject(first + 3, LocalDate.ofEpochDay(k.epochDay()));
    }

    private interface Work {
        boolean run(Connection c) throws SQLException;
    }

    /** Runs {@code work} and bumps the revision in one transaction; the revision row's lock orders concurrent writers. */
    private boolean inTransaction(String failure, Work work) {
        try (Connection c = db.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement bump = c.prepareStatement("UPDATE risk_revision SET revision = revision + 1 WHERE id = 1")) {
                bump.executeUpdate();
                boolean changed = work.run(c);
                c.commit();
                return changed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new RiskStoreException(failure, e);
        }
    }

    private List<ScopeLimits> limits(String sql, String tenantId) {
        List<ScopeLimits> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (tenantId != null) {
                ps.setString(1, tenantId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(readLimits(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new RiskStoreException("cannot read risk limits", e);
        }
    }

    private List<KillSwitch> switches(String sql, String tenantId) {
        List<KillSwitch> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (tenantId != null) {
                ps.setString(1, tenantId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String scopeId = rs.getString(2);
                    out.add(new KillSwitch(rs.getString(1), WHOLE_TENANT.equals(scopeId) ? null : scopeId, rs.getString(3),
                            rs.getString(4), rs.getTimestamp(5).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new RiskStoreException("cannot read kill switches", e);
        }
    }

    private static ScopeLimits readLimits(ResultSet rs) throws SQLException {
        RiskScope scope = scope(rs.getString(2));
        return new ScopeLimits(rs.getString(1), scope, loadedId(scope, rs.getString(3)), RiskLimitsJson.parse(rs.getString(4)),
                rs.getString(5), rs.getTimestamp(6).toInstant());
    }

    private static RiskScope scope(String wireName) {
        return RiskScope.valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    private static String storedId(String scopeId) {
        return scopeId == null ? WHOLE_TENANT : scopeId;
    }

    private static String loadedId(RiskScope scope, String stored) {
        return scope == RiskScope.TENANT ? null : stored;
    }
}
