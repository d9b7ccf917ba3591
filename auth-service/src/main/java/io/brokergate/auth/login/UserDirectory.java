package io.brokergate.auth.login;

import io.agroal.api.AgroalDataSource;
import io.brokergate.auth.tenants.StoreException;
import io.brokergate.auth.users.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Looks users up by id, for re-checking a session's or a refresh token's user (still there, not
 * disabled, current scopes). UserStore only finds by login; this read stays here so the OAuth
 * code does not depend on the user administration's changes to that class.
 */
@ApplicationScoped
public class UserDirectory {

    private final AgroalDataSource db;

    public UserDirectory(AgroalDataSource db) {
        this.db = db;
    }

    /** The user if present and not disabled. */
    public Optional<User> activeUser(String userId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, tenant_id, login, password_hash, scopes, disabled, created_at FROM users WHERE id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getBoolean(6)) {
                    return Optional.empty();
                }
                String scopes = rs.getString(5);
                return Optional.of(new User(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        scopes == null || scopes.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scopes.trim().split(" +"))),
                        false, rs.getTimestamp(7).toInstant()));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read user", e);
        }
    }
}
