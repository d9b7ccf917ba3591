package io.brokergate.auth.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.brokergate.auth.connections.BrokerConnectionStore;
import io.brokergate.auth.tenants.StoreException;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.spi.BrokerCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tenant-confined reads and deletion of broker connections for the admin API. Views carry the
 * names of the stored credential keys, never their values.
 */
@ApplicationScoped
public class TenantConnections {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };
    private static final String SELECT = "SELECT id, broker, name, endpoints, access_token_expires_at, created_at, updated_at"
            + " FROM broker_connections WHERE tenant_id = ?";

    private final AgroalDataSource db;
    private final BrokerConnectionStore store;
    private final ObjectMapper json;

    public TenantConnections(AgroalDataSource db, BrokerConnectionStore store, ObjectMapper json) {
        this.db = db;
        this.store = store;
        this.json = json;
    }

    public List<ConnectionView> list(String tenantId) {
        return query(SELECT + " ORDER BY created_at, id", tenantId, null);
    }

    /** Empty for another tenant's connection as for a missing one. */
    public Optional<ConnectionView> find(String tenantId, String connectionId) {
        return query(SELECT + " AND id = ?", tenantId, connectionId).stream().findFirst();
    }

    /** Deletes the connection and the accounts linked through it; false when the tenant has no such connection. */
    public boolean delete(String tenantId, String connectionId) {
        try (Connection c = db.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement accounts = c.prepareStatement("DELETE FROM accounts WHERE tenant_id = ? AND connection_id = ?");
                 PreparedStatement connection = c.prepareStatement("DELETE FROM broker_connections WHERE tenant_id = ? AND id = ?")) {
                accounts.setString(1, tenantId);
                accounts.setString(2, connectionId);
                accounts.executeUpdate();
                connection.setString(1, tenantId);
                connection.setString(2, connectionId);
                boolean deleted = connection.executeUpdate() == 1;
                c.commit();
                return deleted;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot delete broker connection", e);
        }
    }

    private List<ConnectionView> query(String sql, String tenantId, String connectionId) {
        List<ConnectionView> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            if (connectionId != null) {
                ps.setString(2, connectionId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    out.add(new ConnectionView(id, BrokerId.valueOf(rs.getString(2)).wireName(), rs.getString(3),
                            json.readValue(rs.getString(4), STRING_MAP), credentialKeys(id), instant(rs.getTimestamp(5)),
                            instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read broker connections", e);
        }
        return out;
    }

    private List<String> credentialKeys(String connectionId) {
        return store.credentials(connectionId).map(BrokerCredentials::secrets)
                .map(s -> s.keySet().stream().sorted().toList()).orElse(List.of());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
