package io.brokergate.api.security;

import java.util.Set;

/**
 * OAuth scopes the gateway understands. Resources require them with {@code @RolesAllowed}: a
 * verified caller's scopes become its roles.
 */
public final class Scopes {

    public static final String QUOTES_READ = "quotes:read";
    public static final String ACCOUNTS_READ = "accounts:read";
    public static final String TRADE = "trade";
    /** Administration confined to the caller's own tenant. */
    public static final String ADMIN = "admin";
    /** Operator of the whole installation: may create tenants. Never granted through OAuth clients. */
    public static final String PLATFORM = "platform";

    public static final Set<String> ALL = Set.of(QUOTES_READ, ACCOUNTS_READ, TRADE, ADMIN, PLATFORM);

    private Scopes() {
    }
}
