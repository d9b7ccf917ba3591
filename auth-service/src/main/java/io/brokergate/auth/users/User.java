package io.brokergate.auth.users;

import java.time.Instant;
import java.util.Set;

/** A person who logs in; {@code scopes} bounds what tokens issued to them may carry. */
public record User(String id, String tenantId, String login, String passwordHash, Set<String> scopes, boolean disabled, Instant createdAt) {
    public User {
        scopes = Set.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "User[" + id + ", tenant=" + tenantId + ", login=" + login + "]";
    }
}
