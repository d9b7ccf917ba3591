package io.brokergate.messaging.shards;

import java.util.Optional;

/**
 * Where the socket owner of an account is, as far as this process has learned: the internal base
 * URL that the holder of the account's shard advertised in its claim, and the claim's epoch. A
 * lookup never blocks; the answer may trail a move by a moment, so a caller that the named pod
 * turns away (it no longer owns the account) looks again once.
 *
 * <p>Without an implementation (all-in-one) every account is owned in the calling process itself.
 */
public interface AccountOwners {

    /** The current owner of the account, or empty while none is known (no claim read yet, or one without a URL). */
    Optional<Owner> owner(String accountId);

    /**
     * One claim of a shard.
     *
     * @param url   the owning pod's internal base URL, e.g. {@code http://10.1.2.3:8080}
     * @param epoch the claim's epoch, larger for every later holder of the shard
     */
    record Owner(String url, long epoch) {
    }
}
