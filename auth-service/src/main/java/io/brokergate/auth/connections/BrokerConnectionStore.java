package io.brokergate.auth.connections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
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
import java.util.UUID;

/** Broker connections with their credentials encrypted at rest (see {@link CredentialCipher}). */
@ApplicationScoped
public class BrokerConnectionStore {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };
    private static final String COLUMNS = "id, tenant_id, broker, name, endpoints, created_at";

    private final AgroalDataSource db;
    private final CredentialCipher cipher;
    private final ObjectMapper json;

    public BrokerConnectionStore(AgroalDataSource db, CredentialCipher cipher, ObjectMapper json) {
        this.db = db;
        this.cipher = cipher;
        this.json = json;
    }

    public BrokerConnection create(String tenantId, BrokerId broker, String name, Map<String, String> secrets, Map<String, String> endpoints) {
        BrokerConnection bc = new BrokerConnection(UUID.randomUUID().toString(), tenantId, broker, name, endpoints, Instant.now());
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO broker_connections (id, tenant_id, broker, name, credentials, credentials_key_id, endpoints, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, bc.id());
            ps.setString(2, tenantId);
            ps.setString(3, broker.name());
            ps.setString(4, name);
            ps.setString(5, cipher.encrypt(json.writeValueAsString(secrets), bc.id()));
            ps.setString(6, cipher.keyId());
            ps.setString(7, json.writeValueAsString(endpoints));
            ps.setTimestamp(8, Timestamp.from(bc.createdAt()));
            ps.setTimestamp(9, Timestamp.from(bc.createdAt()));
            ps.executeUpdate();
            return bc;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot create broker connection", e);
        }
    }

    public List<BrokerConnection> listByTenant(String tenantId) {
        return select("SELECT " + COLUMNS + " FROM broker_connections WHERE tenant_id = ? ORDER BY created_at", tenantId);
    }

    public List<BrokerConnection> listAll() {
        return select("SELECT " + COLUMNS + " FROM broker_connections ORDER BY created_at", null);
    }

    /** Decrypts a connection's credentials for an adapter; never exposed through any API. */
    public Optional<BrokerCredentials> credentials(String connectionId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT broker, credentials, endpoints FROM broker_connections WHERE id = ?")) {
            ps.setString(1, connectionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, String> secrets = json.readValue(cipher.decrypt(rs.getString(2), connectionId), STRING_MAP);
                return Optional.of(new BrokerCredentials(BrokerId.valueOf(rs.getString(1)), connectionId, secrets,
                        json.readValue(rs.getString(3), STRING_MAP)));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read broker credentials", e);
        }
    }

    /** Replaces the secrets (credential rotation), re-encrypting under the current key. */
    public void rotateCredentials(String connectionId, Map<String, String> secrets) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE broker_connections SET credentials = ?, credentials_key_id = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, cipher.encrypt(json.writeValueAsString(secrets), connectionId));
            ps.setString(2, cipher.keyId());
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setString(4, connectionId);
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot rotate broker credentials", e);
        }
    }

    private List<BrokerConnection> select(String sql, String arg) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            List<BrokerConnection> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BrokerConnection(rs.getString(1), rs.getString(2), BrokerId.valueOf(rs.getString(3)),
                            rs.getString(4), json.readValue(rs.getString(5), STRING_MAP), rs.getTimestamp(6).toInstant()));
                }
            }
            return out;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read broker connections", e);
        }
    }
}
