package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.brokergate.auth.apikeys.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * An API key as listed: never the secret or its hash. {@code prefix} ({@code bgk_<id>_}) is the
 * non-secret start of the key, to recognise it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiKeyView(String id, String prefix, String name, List<String> scopes, List<String> accounts,
                         String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    static ApiKeyView of(ApiKey k) {
        return new ApiKeyView(k.id(), k.displayPrefix(), k.name(), List.copyOf(new TreeSet<>(k.scopes())),
                List.copyOf(new TreeSet<>(k.accounts())), k.createdBy(), k.createdAt(), k.expiresAt(), k.revokedAt(),
                k.lastUsedAt());
    }
}
