package io.brokergate.sim.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The credentials registry: paper accounts by number and by app key. Read on every REST call from
 * the event loop and written rarely (registration, token refresh) from any thread, hence
 * concurrent maps for reads and a lock only for writes.
 */
public final class PaperAccounts {

    private final Map<String, PaperAccount> byAccountNo = new ConcurrentHashMap<>();
    private final Map<String, String> accountNoByAppKey = new ConcurrentHashMap<>();
    private final AtomicLong nextMemberId = new AtomicLong(100_001);

    /** Result of {@link #register}: the stored account and whether it is new. */
    public record Registration(PaperAccount account, boolean created) {
    }

    /**
     * Adds the account, or updates the credentials of an existing one with the same number (a
     * restored account may carry a refreshed token). The engine state is untouched either way.
     *
     * @throws IllegalArgumentException when the app key already belongs to another account
     */
    public synchronized Registration register(PaperAccountSpec spec) {
        String owner = accountNoByAppKey.get(spec.appKey());
        if (owner != null && !owner.equals(spec.accountNo())) {
            throw new IllegalArgumentException("app key is already used by account " + owner);
        }
        PaperAccount existing = byAccountNo.get(spec.accountNo());
        if (existing != null && existing.sameCredentials(spec)) {
            return new Registration(existing, false);
        }
        long memberId = existing != null ? existing.memberId() : nextMemberId.getAndIncrement();
        PaperAccount account = new PaperAccount(spec.accountNo(), spec.name(), memberId, spec.appKey(),
                spec.appSecret(), spec.accessToken(), null, spec.funding());
        if (existing != null) {
            accountNoByAppKey.remove(existing.appKey());
        }
        byAccountNo.put(account.accountNo(), account);
        accountNoByAppKey.put(account.appKey(), account.accountNo());
        return new Registration(account, existing == null);
    }

    public Optional<PaperAccount> byAccountNo(String accountNo) {
        return Optional.ofNullable(accountNo == null ? null : byAccountNo.get(accountNo));
    }

    public Optional<PaperAccount> byAppKey(String appKey) {
        if (appKey == null) {
            return Optional.empty();
        }
        String accountNo = accountNoByAppKey.get(appKey);
        return Optional.ofNullable(accountNo == null ? null : byAccountNo.get(accountNo));
    }

    /** Replaces the access token; the old one stops working at once (as on LongPort). */
    public synchronized PaperAccount replaceToken(String accountNo, String token, Instant expiresAt) {
        PaperAccount current = byAccountNo.get(accountNo);
        if (current == null) {
            throw new IllegalArgumentException("unknown account " + accountNo);
        }
        PaperAccount updated = current.withToken(token, expiresAt);
        byAccountNo.put(accountNo, updated);
        return updated;
    }

    /** All accounts, ordered by number. */
    public List<PaperAccount> all() {
        List<PaperAccount> list = new ArrayList<>(byAccountNo.values());
        list.sort(Comparator.comparing(PaperAccount::accountNo));
        return list;
    }
}
