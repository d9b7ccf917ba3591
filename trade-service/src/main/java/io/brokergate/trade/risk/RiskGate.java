package io.brokergate.trade.risk;

import io.brokergate.core.order.OrderRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The pre-trade risk check the order path calls before the broker. Everything it reads is in
 * memory ({@link RiskBook}); it takes no lock unless a scope of the order has a rate or daily
 * limit, and then only its tenant's lock, briefly.
 */
@ApplicationScoped
public class RiskGate {

    private final RiskBook book;
    /** Bound once: a method reference built per call would allocate on every order. */
    private final ToLongFunction<DailyCountKey> knownDailyCount;

    public RiskGate(RiskBook book) {
        this.book = book;
        this.knownDailyCount = book::knownDailyCount;
    }

    /**
     * Checks every limit that applies to the subject (tenant-wide, account, API key: the strictest wins) and, when
     * the order passes, counts it against the rate and daily limits atomically (two concurrent orders can never both
     * take the last slot). Throws io.brokergate.core.error.GatewayException:
     *  - ErrorCode.RATE_LIMITED with a retryAfter Duration for the order-rate limit (native API renders 429 + Retry-After),
     *  - ErrorCode.RISK_REJECTED (403) for everything else, including the daily count and the kill switch.
     * The detail names the limit and its scope, e.g. "risk limit max_notional (account): 1,250,000 HKD exceeds 1,000,000 HKD".
     *
     * @param referencePrice limit/stop price, or for market orders the last price if known (null: notional limits
     *                       cannot be checked -> market orders under a notional limit are rejected with a clear
     *                       message); when null the order's own limit or stop price is used if it has one
     */
    public void admit(RiskSubject subject, OrderRequest order, BigDecimal referencePrice, Instant now) {
        TenantRisk tenant = checked(subject, order, referencePrice, now);
        if (tenant == null) {
            return;
        }
        TenantLimits limits = tenant.limits();
        ScopeLimits tenantWide = limits.tenant();
        ScopeLimits account = limits.account(subject.accountId());
        ScopeLimits apiKey = limits.apiKey(subject.apiKeyId());
        if (counts(tenantWide) || counts(account) || counts(apiKey)) {
            tenant.count(tenantWide, account, apiKey, now, knownDailyCount);
        }
    }

    /**
     * The checks of {@link #admit} that need no counting (kill switch, allow-lists, trading window,
     * quantity, notional), without counting the order: what an order preview may ask. Rate and
     * daily-count limits are checked when the order is placed.
     */
    public void check(RiskSubject subject, OrderRequest order, BigDecimal referencePrice, Instant now) {
        checked(subject, order, referencePrice, now);
    }

    /** The tenant's risk state after the uncounted checks passed; null when the tenant has no limits. */
    private TenantRisk checked(RiskSubject subject, OrderRequest order, BigDecimal referencePrice, Instant now) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subject.tenantId(), "subject.tenantId");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(now, "now");
        TenantRisk tenant = book.tenant(subject.tenantId());
        if (tenant == null) {
            return null;
        }
        TenantLimits limits = tenant.limits();
        KillSwitch engaged = limits.switchFor(subject.accountId());
        if (engaged != null) {
            throw RiskRejections.killSwitch(engaged);
        }
        BigDecimal price = referencePrice != null ? referencePrice : order.referencePrice();
        check(limits.tenant(), order, price, now);
        check(limits.account(subject.accountId()), order, price, now);
        check(limits.apiKey(subject.apiKeyId()), order, price, now);
        return tenant;
    }

    private static void check(ScopeLimits scoped, OrderRequest order, BigDecimal price, Instant now) {
        if (scoped != null) {
            LimitChecks.check(scoped, order, price, now);
        }
    }

    /** True while a kill switch is engaged for the account (directly or tenant-wide). */
    public boolean killSwitchEngaged(String tenantId, String accountId) {
        TenantRisk tenant = tenantId == null ? null : book.tenant(tenantId);
        return tenant != null && tenant.limits().switchFor(accountId) != null;
    }

    private static boolean counts(ScopeLimits scoped) {
        return scoped != null && scoped.limits().counts();
    }
}
