package io.brokergate.sim.longport;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Socket OTPs from {@code GET /v1/socket/token}: single use and short-lived (longport.md §2.3).
 * Event loop only.
 */
final class OneTimePasswords {

    private record Issued(String accountNo, long expiresAtMillis) {
    }

    private final long lifetimeMillis;
    private final Map<String, Issued> issued = new HashMap<>();

    OneTimePasswords(Duration lifetime) {
        this.lifetimeMillis = lifetime.toMillis();
    }

    String issue(String accountNo, long nowMillis) {
        if (issued.size() > 10_000) {
            prune(nowMillis); // clients that fetch OTPs and never connect must not grow the map forever
        }
        String otp = RandomTokens.next(24);
        issued.put(otp, new Issued(accountNo, nowMillis + lifetimeMillis));
        return otp;
    }

    /** @return the account the OTP was issued to; the OTP is spent either way */
    Optional<String> consume(String otp, long nowMillis) {
        Issued i = otp == null ? null : issued.remove(otp);
        if (i == null || i.expiresAtMillis() <= nowMillis) {
            return Optional.empty();
        }
        return Optional.of(i.accountNo());
    }

    void prune(long nowMillis) {
        for (Iterator<Issued> it = issued.values().iterator(); it.hasNext(); ) {
            if (it.next().expiresAtMillis() <= nowMillis) {
                it.remove();
            }
        }
    }
}
