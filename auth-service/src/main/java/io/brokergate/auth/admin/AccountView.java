package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.brokergate.core.account.Account;
import java.util.Locale;

/** A trading account as the admin API shows it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountView(String id, String connectionId, String broker, String brokerAccountNo, String name,
                          String currency, String kind) {

    static AccountView of(Account a) {
        return new AccountView(a.id(), a.connectionId(), a.broker().wireName(), a.brokerAccountNo(), a.name(),
                a.currency(), a.kind().name().toLowerCase(Locale.ROOT));
    }
}
