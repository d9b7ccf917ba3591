package io.brokergate.sim.accounts;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** All paper accounts of the exchange, in creation order. Owned by the engine thread. */
public final class AccountRegistry {

    private final Map<String, PaperAccount> accounts = new LinkedHashMap<>();
    private final Map<String, BigDecimal> defaultFunding;
    private int generated;

    public AccountRegistry(Map<String, BigDecimal> defaultFunding) {
        this.defaultFunding = Map.copyOf(defaultFunding);
    }

    public Map<String, BigDecimal> defaultFunding() {
        return defaultFunding;
    }

    /**
     * Creates an account.
     *
     * @param id      wanted id, or null for the next free {@code SIMnnnnnn}
     * @param funding starting cash per currency, or null for the default funding
     * @throws GatewayException {@code conflict} when the id is taken, {@code invalid_request} when it is malformed
     */
    public PaperAccount create(String id, Map<String, BigDecimal> funding, Instant now) {
        String accountId = id == null ? nextId() : id.trim();
        if (accountId.isEmpty() || accountId.length() > 64) {
            throw GatewayException.invalid("account id must be 1 to 64 characters");
        }
        if (accounts.containsKey(accountId)) {
            throw new GatewayException(ErrorCode.CONFLICT, "account " + accountId + " already exists");
        }
        PaperAccount account;
        try {
            account = new PaperAccount(accountId, funding == null ? defaultFunding : funding, now);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw GatewayException.invalid("invalid funding: " + e.getMessage());
        }
        accounts.put(accountId, account);
        return account;
    }

    private String nextId() {
        String id;
        do {
            generated++;
            id = String.format("SIM%06d", generated);
        } while (accounts.containsKey(id));
        return id;
    }

    /** The account, or null. */
    public PaperAccount find(String id) {
        return id == null ? null : accounts.get(id);
    }

    /** The account, or {@code not_found}. */
    public PaperAccount require(String id) {
        PaperAccount account = find(id);
        if (account == null) {
            throw GatewayException.notFound("account " + id + " does not exist");
        }
        return account;
    }

    public Collection<PaperAccount> all() {
        return accounts.values();
    }

    public List<AccountInfo> list() {
        List<AccountInfo> out = new ArrayList<>(accounts.size());
        for (PaperAccount a : accounts.values()) {
            out.add(a.info());
        }
        return out;
    }
}
