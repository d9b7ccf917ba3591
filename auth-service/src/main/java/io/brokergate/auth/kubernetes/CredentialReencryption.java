package io.brokergate.auth.kubernetes;

import io.agroal.api.AgroalDataSource;
import io.brokergate.auth.connections.CredentialCipher;
import io.brokergate.auth.keys.KeyRing;
import io.brokergate.auth.tenants.StoreException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * After the credential key changed: re-encrypts, under the current key, every ciphertext still
 * under an older one (broker credentials, signing keys' private halves), so the older key can
 * leave the Secret. Each row is replaced only if nobody changed it meanwhile (compare-and-set on
 * the ciphertext), so a concurrent credential rotation or token refresh is never overwritten and
 * several instances may sweep at once.
 */
@ApplicationScoped
public class CredentialReencryption {

    /** Rows of one kind still under an older key: id, ciphertext, associated data. */
    private record Table(String name, String idColumn, String cipherColumn, String keyIdColumn, UnaryOperator<String> aad) {
    }

    private record StaleRow(String id, String ciphertext) {
    }

    /** What one sweep did: rows moved to the current key, and rows no known key can decrypt. */
    public record Outcome(int reencrypted, int unreadable) {
    }

    private static final Logger LOG = Logger.getLogger(CredentialReencryption.class);
    private static final List<Table> TABLES = List.of(
            new Table("broker_connections", "id", "credentials", "credentials_key_id", id -> id),
            new Table("signing_keys", "kid", "private_key", "private_key_key_id", KeyRing::privateKeyAad));

    private final AgroalDataSource db;
    private final CredentialCipher cipher;

    public CredentialReencryption(AgroalDataSource db, CredentialCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** Blocking (JDBC): call from a worker thread. */
    public Outcome run() {
        int moved = 0;
        int unreadable = 0;
        for (Table table : TABLES) {
            for (StaleRow row : stale(table)) {
                String aad = table.aad().apply(row.id());
                try {
                    moved += replace(table, row, cipher.encrypt(cipher.decrypt(row.ciphertext(), aad), aad));
                } catch (IllegalStateException e) {
                    unreadable++;
                    LOG.errorf("%s %s is encrypted under a key that is no longer known; put that key back into the "
                            + "credential-key Secret as a previous… entry", table.name(), row.id());
                }
            }
        }
        return new Outcome(moved, unreadable);
    }

    private List<StaleRow> stale(Table t) {
        String sql = "SELECT " + t.idColumn() + ", " + t.cipherColumn() + " FROM " + t.name() + " WHERE " + t.keyIdColumn() + " <> ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, cipher.keyId());
            List<StaleRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StaleRow(rs.getString(1), rs.getString(2)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + t.name() + " for re-encryption", e);
        }
    }

    private int replace(Table t, StaleRow row, String fresh) {
        String sql = "UPDATE " + t.name() + " SET " + t.cipherColumn() + " = ?, " + t.keyIdColumn() + " = ? WHERE "
                + t.idColumn() + " = ? AND " + t.cipherColumn() + " = ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, fresh);
            ps.setString(2, cipher.keyId());
            ps.setString(3, row.id());
            ps.setString(4, row.ciphertext());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot re-encrypt " + t.name() + " " + row.id(), e);
        }
    }
}
