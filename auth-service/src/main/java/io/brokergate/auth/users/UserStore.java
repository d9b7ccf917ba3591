package io.brokergate.auth.users;

import io.agroal.api.AgroalDataSource;
import io.brokergate.auth.tenants.StoreException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Users table access; passwords are hashed before they reach this class. */
@ApplicationScoped
public class UserStore {

    private final AgroalDataSource db;
    private final PasswordHasher hasher;

    public UserStore(AgroalDataSource db, PasswordHasher hasher) {
        this.db = db;
        this.hasher = hasher;
    }

    public User create(String tenantId, String login, String password, Set<String> scopes) {
        User u = new User(UUID.randomUUID().toString(), tenantId, login, hasher.hash(password), scopes, false, Instant.now());
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO users (id, tenant_id, login, password_hash, scopes, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, u.id());
            ps.setString(2, u.tenantId());
            ps.setString(3, u.login());
            ps.setString(4, u.passwordHash());
            ps.setString(5, String.join(" ", new TreeSet<>(u.scopes())));
            ps.setBoolean(6, false);
            ps.setTimestamp(7, Timestamp.from(u.createdAt()));
            ps.executeUpdate();
            return u;
        } catch (SQLException e) {
            throw new StoreException("cannot create user", e);
        }
    }

    public Optional<User> findByLogin(String login) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, tenant_id, login, password_hash, scopes, disabled, created_at FROM users WHERE login = ?")) {
            ps.setString(1, login);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new User(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Set.copyOf(Arrays.asList(rs.getString(5).split(" "))), rs.getBoolean(6), rs.getTimestamp(7).toInstant()));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read user", e);
        }
    }

    /** Replaces a user's password, e.g. when an operator resets the demo user. */
    public void setPassword(String userId, String password) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
            ps.setString(1, hasher.hash(password));
            ps.setString(2, userId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update password", e);
        }
    }
}
