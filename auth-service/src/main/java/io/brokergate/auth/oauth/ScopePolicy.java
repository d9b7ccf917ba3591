package io.brokergate.auth.oauth;

import io.brokergate.api.security.AccountGrant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scope arithmetic that prevents escalation: what is requested must lie within what the client is
 * allowed (otherwise {@code invalid_scope}), and what is granted is further narrowed to what the
 * resource owner holds. A refresh can only keep or narrow the original grant.
 */
public final class ScopePolicy {

    private static final int MAX_SCOPE_LENGTH = 500;

    private ScopePolicy() {
    }

    /**
     * The requested scopes: the client's allowed set when {@code scopeParam} is absent.
     *
     * @throws OAuthError invalid_scope when malformed or beyond the client's allowance
     */
    public static Set<String> requested(String scopeParam, Set<String> allowed) {
        if (scopeParam == null) {
            return Set.copyOf(allowed);
        }
        Set<String> requested = parse(scopeParam);
        if (requested.isEmpty()) {
            return Set.copyOf(allowed);
        }
        if (!allowed.containsAll(requested)) {
            Set<String> extra = new TreeSet<>(requested);
            extra.removeAll(allowed);
            throw OAuthError.invalidScope("scope not allowed for this client: " + String.join(" ", extra));
        }
        return requested;
    }

    /** {@code requested} narrowed to what the owner holds. */
    public static Set<String> narrow(Set<String> requested, Set<String> held) {
        Set<String> out = new TreeSet<>(requested);
        out.retainAll(held);
        return Set.copyOf(out);
    }

    /** Accounts both grants allow: a refresh never reaches further than the client's current grant. */
    public static AccountGrant narrow(AccountGrant a, AccountGrant b) {
        if (a.all()) {
            return b;
        }
        if (b.all()) {
            return a;
        }
        Set<String> both = new TreeSet<>(a.accountIds());
        both.retainAll(b.accountIds());
        return new AccountGrant(false, both);
    }

    /** RFC 6749 §3.3 scope-tokens separated by single spaces; rejects anything else. */
    static Set<String> parse(String scopeParam) {
        if (scopeParam.length() > MAX_SCOPE_LENGTH) {
            throw OAuthError.invalidScope("scope is too long");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String token : Arrays.asList(scopeParam.split(" "))) {
            if (token.isEmpty()) {
                continue;
            }
            if (!token.chars().allMatch(ch -> ch == 0x21 || (ch >= 0x23 && ch <= 0x5B) || (ch >= 0x5D && ch <= 0x7E))) {
                throw OAuthError.invalidScope("malformed scope");
            }
            out.add(token);
        }
        return out;
    }

    public static String join(Set<String> scopes) {
        return String.join(" ", new TreeSet<>(scopes));
    }
}
