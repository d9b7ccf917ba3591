package io.brokergate.trade.accounts;

import io.brokergate.core.account.Account;
import java.util.Locale;

/** An account as the native API shows it; the broker's own account number stays inside the gateway. */
public record AccountView(String id, String name, String broker, String currency, String kind) {

    public static AccountView of(Account a) {
        return new AccountView(a.id(), a.name(), a.broker().name().toLowerCase(Locale.ROOT), a.currency(),
                a.kind().name().toLowerCase(Locale.ROOT));
    }
}
