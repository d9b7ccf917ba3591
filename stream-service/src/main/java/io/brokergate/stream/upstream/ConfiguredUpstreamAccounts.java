package io.brokergate.stream.upstream;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.spi.BrokerCredentials;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The accounts of {@link ConfiguredAccounts}: a standalone pod given its accounts in configuration ({@link AccountSources}). */
public final class ConfiguredUpstreamAccounts implements UpstreamAccounts {

    private final List<UpstreamAccount> owned;

    public ConfiguredUpstreamAccounts(ConfiguredAccounts config) {
        List<UpstreamAccount> accounts = new ArrayList<>();
        config.accounts().forEach((id, e) -> accounts.add(account(id, e)));
        this.owned = List.copyOf(accounts);
    }

    @Override
    public List<UpstreamAccount> owned() {
        return owned;
    }

    private static UpstreamAccount account(String id, ConfiguredAccounts.Entry e) {
        BrokerId broker = BrokerId.valueOf(e.broker().trim().toUpperCase(Locale.ROOT));
        Account account = new Account(id, e.tenant(), "config-" + id, broker, e.accountNo(), id, e.currency(),
                broker == BrokerId.PAPER ? AccountKind.PAPER : AccountKind.LIVE);
        Map<String, String> endpoints = new HashMap<>();
        e.httpUrl().ifPresent(u -> endpoints.put("http", u));
        e.quoteWsUrl().ifPresent(u -> endpoints.put("quote_ws", u));
        e.tradeWsUrl().ifPresent(u -> endpoints.put("trade_ws", u));
        return new UpstreamAccount(account, new BrokerCredentials(broker, account.connectionId(),
                Map.of("app_key", e.appKey(), "app_secret", e.appSecret(), "access_token", e.accessToken()), endpoints));
    }
}
