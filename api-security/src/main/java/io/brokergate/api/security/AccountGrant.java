package io.brokergate.api.security;

import java.util.Set;

/** Which of its tenant's accounts a caller may use. */
public record AccountGrant(boolean all, Set<String> accountIds) {

    public static final AccountGrant ALL = new AccountGrant(true, Set.of());
    public static final AccountGrant NONE = new AccountGrant(false, Set.of());

    public AccountGrant {
        accountIds = Set.copyOf(accountIds);
    }

    public static AccountGrant of(Set<String> ids) {
        return ids.contains("*") ? ALL : new AccountGrant(false, ids);
    }

    public boolean allows(String accountId) {
        return all || accountIds.contains(accountId);
    }
}
