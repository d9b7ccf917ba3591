package io.brokergate.auth.accounts;

import io.agroal.api.AgroalDataSource;
import io.brokergate.auth.tenants.StoreException;
import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.capability.BrokerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Trading accounts reachable through broker connections. */
@ApplicationScoped
public class AccountStore {

    private static final String COLUMNS = "id, tenant_id, connection_id, broker, broker_account_no, name, currency, kind";

    /** Fired after an account is stored. */
    public record Added(Account account) {
    }

    private final AgroalDataSource db;
    private final Event<Added> added;

    public AccountStore(AgroalDataSource db, Event<Added> added) {
        this.db = db;
        this.added = added;
    }

    public Account create(String tenantId, String connectionId, BrokerId broker, String brokerAccountNo, String name,
                          String currency, AccountKind kind) {
        Account a = new Account(UUID.randomUUID().toString(), tenantId, connectionId, broker, brokerAccountNo, name, currency, kind);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO accounts (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, a.id());
            ps.setString(2, tenantId);
            ps.setString(3, connectionId);
            ps.setString(4, broker.name());
            ps.setString(5, brokerAccountNo);
            ps.setString(6, name);
            ps.setString(7, currency);
            ps.setString(8, kind.name());
            ps.setTimestamp(9, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot create account", e);
        }
        added.fire(new Added(a));
        return a;
    }

    public List<Account> listByTenant(String tenantId) {
        return select("SELECT " + COLUMNS + " FROM accounts WHERE tenant_id = ? ORDER BY created_at", tenantId);
    }

    public List<Account> listAll() {
        return select("SELECT " + COLUMNS + " FROM accounts ORDER BY created_at", null);
    }

    private List<Account> select(String sql, String arg) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            List<Account> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Account(rs.getString(1), rs.getString(2), rs.getString(3), BrokerId.valueOf(rs.getString(4)),
                            rs.getString(5), rs.getString(6), rs.getString(7), AccountKind.valueOf(rs.getString(8))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read accounts", e);
        }
    }
}
