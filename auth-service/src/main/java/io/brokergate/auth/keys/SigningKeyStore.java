package io.brokergate.auth.keys;

import io.agroal.api.AgroalDataSource;
import io.brokergate.auth.tenants.StoreException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code signing_keys} table. Private keys arrive here already encrypted. */
@ApplicationScoped
public class SigningKeyStore {

    /** A row as stored: public key in the clear (base64 SPKI), private key as ciphertext. */
    public record StoredKey(String kid, String publicKey, String encryptedPrivateKey, Instant createdAt, Instant retireAfter) {
    }

    private final AgroalDataSource db;

    public SigningKeyStore(AgroalDataSource db) {
        this.db = db;
    }

    public void insert(StoredKey key, String cipherKeyId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO signing_keys (kid, algorithm, public_key, private_key, private_key_key_id, created_at)"
                        + " VALUES (?, 'RS256', ?, ?, ?, ?)")) {
            ps.setString(1, key.kid());
            ps.setString(2, key.publicKey());
            ps.setString(3, key.encryptedPrivateKey());
            ps.setString(4, cipherKeyId);
            ps.setTimestamp(5, Timestamp.from(key.createdAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot store a signing key", e);
        }
    }

    /** Keys that still verify at {@code now}, newest first. */
    public List<StoredKey> verifying(Instant now) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT kid, public_key, private_key, created_at, retire_after FROM signing_keys"
                        + " WHERE retire_after IS NULL OR retire_after > ? ORDER BY created_at DESC, kid DESC")) {
            ps.setTimestamp(1, Timestamp.from(now));
            List<StoredKey> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp retire = rs.getTimestamp(5);
                    out.add(new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            retire == null ? null : retire.toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read signing keys", e);
        }
    }

    /**
     * Supersedes every active key created no later than {@code successor}, except the successor
     * itself. Comparing creation times keeps two instances rotating at once from superseding each
     * other's new key: the newest one stays active.
     */
    public int supersedeOlderThan(StoredKey successor, Instant retireAfter) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE signing_keys SET retire_after = ? WHERE retire_after IS NULL AND kid <> ? AND created_at <= ?")) {
            ps.setTimestamp(1, Timestamp.from(retireAfter));
            ps.setString(2, successor.kid());
            ps.setTimestamp(3, Timestamp.from(successor.createdAt()));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot supersede signing keys", e);
        }
    }

    /** Deletes keys retired before {@code before}: their private halves have no use left. */
    public int purgeRetired(Instant before) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM signing_keys WHERE retire_after IS NOT NULL AND retire_after < ?")) {
            ps.setTimestamp(1, Timestamp.from(before));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot purge retired signing keys", e);
        }
    }
}
