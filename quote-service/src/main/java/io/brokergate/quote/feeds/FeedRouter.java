package io.brokergate.quote.feeds;

import io.brokergate.api.security.AccountAccess;
import io.brokergate.api.security.Caller;
import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountDirectory;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.events.EventStamp;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.spi.AccountSessions;
import io.brokergate.core.spi.MarketDataApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, per request, which of the caller's accounts a market's data comes from, and so which
 * cache scope answers: only accounts of the caller's tenant that its credential was granted and
 * whose broker serves the market. Another tenant's account is answered as missing (404); a caller
 * without any suitable account gets 403.
 */
@ApplicationScoped
public class FeedRouter {

    /** Live brokers first (their data is the real market), then by account id for a stable choice. */
    private static final Comparator<Account> PREFERENCE = Comparator
            .comparing((Account a) -> a.kind() == AccountKind.PAPER)
            .thenComparing(Account::id);

    private final AccountDirectory directory;
    private final AccountSessions sessions;
    private final BrokerMarkets markets;

    public FeedRouter(AccountDirectory directory, AccountSessions sessions, BrokerMarkets markets) {
        this.directory = directory;
        this.sessions = sessions;
        this.markets = markets;
    }

    /**
     * The feed of {@code market} for the caller.
     *
     * @param accountId the account the caller named, or null to pick one
     */
    public Feed route(Caller caller, Market market, String accountId) {
        List<Account> usable = usable(caller);
        Account chosen;
        if (accountId != null) {
            Account named = directory.find(accountId).orElse(null);
            AccountAccess.requireAccount(caller, named == null ? null : named.tenantId(), accountId);
            if (!markets.serves(named.broker(), market)) {
                throw new GatewayException(ErrorCode.FORBIDDEN, "account " + accountId + " (" + named.broker().wireName()
                        + ") has no market data for market " + market);
            }
            chosen = named;
        } else {
            chosen = usable.stream().filter(a -> markets.serves(a.broker(), market)).min(PREFERENCE)
                    .orElseThrow(() -> new GatewayException(ErrorCode.FORBIDDEN, "none of your accounts has market data for "
                            + "market " + market + ": link an account whose broker serves " + market));
        }
        FeedScope scope = new FeedScope(chosen.tenantId(), chosen.broker());
        List<Account> sameScope = usable.stream().filter(a -> a.broker() == chosen.broker()).sorted(PREFERENCE).toList();
        return new Feed(scope, chosen, sameScope);
    }

    /** Markets the caller has market data for, through any granted account. */
    public Set<Market> entitledMarkets(Caller caller) {
        Set<Market> out = new TreeSet<>();
        usable(caller).forEach(a -> out.addAll(markets.markets(a.broker())));
        return out;
    }

    /**
     * The broker API to call for a feed: the chosen account's open session, else another open one in
     * the same scope (same tenant and broker, also granted).
     */
    public MarketDataApi api(Feed feed) {
        Optional<MarketDataApi> own = sessions.session(feed.account().id()).map(s -> s.marketData());
        if (own.isPresent()) {
            return own.get();
        }
        for (Account a : feed.sameScope()) {
            Optional<MarketDataApi> other = sessions.session(a.id()).map(s -> s.marketData());
            if (other.isPresent()) {
                return other.get();
            }
        }
        throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "no broker session of account " + feed.account().id()
                + " is open on this node, and the data is not in the cache; it is served once the account's "
                + "socket owner streams it (retry later)");
    }

    /** The cache scope of a pushed event: its feed account's tenant and broker, if the account is known and consistent. */
    public Optional<FeedScope> scopeOf(EventStamp stamp) {
        return directory.find(stamp.accountId())
                .filter(a -> a.tenantId().equals(stamp.tenantId()))
                .map(a -> new FeedScope(a.tenantId(), a.broker()));
    }

    private List<Account> usable(Caller caller) {
        return directory.forTenant(caller.tenantId()).stream()
                .filter(a -> a.tenantId().equals(caller.tenantId()) && caller.accounts().allows(a.id()))
                .toList();
    }
}
