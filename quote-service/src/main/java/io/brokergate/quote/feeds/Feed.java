package io.brokergate.quote.feeds;

import io.brokergate.core.account.Account;
import java.util.List;

/**
 * Where a caller's market data for one market comes from: the cache scope of the chosen account, and
 * every granted account in that scope (any of them whose broker session is open may make the call).
 */
public record Feed(FeedScope scope, Account account, List<Account> sameScope) {

    public Feed {
        sameScope = List.copyOf(sameScope);
    }
}
