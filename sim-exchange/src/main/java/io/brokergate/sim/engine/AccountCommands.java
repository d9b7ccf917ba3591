package io.brokergate.sim.engine;

import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.Side;
import io.brokergate.sim.accounts.AccountInfo;
import io.brokergate.sim.accounts.AccountRegistry;
import io.brokergate.sim.accounts.FeeSchedule;
import io.brokergate.sim.accounts.PaperAccount;
import io.brokergate.sim.market.FixedPoint;
import io.brokergate.sim.market.InstrumentMarket;
import io.brokergate.sim.market.Listing;
import io.brokergate.sim.matching.MatchingEngine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The exchange's account commands: open and reset paper accounts, value their cash and positions at
 * the last prices, and tell how much an account can buy or sell. Engine thread only.
 */
final class AccountCommands {

    private final AccountRegistry accounts;
    private final Listing listing;
    private final MatchingEngine matching;
    private final OrderStore store;
    private final OrderLifecycle lifecycle;
    private final SimConfig config;
    private final CommandTime time;

    AccountCommands(AccountRegistry accounts, Listing listing, MatchingEngine matching, OrderStore store,
            OrderLifecycle lifecycle, SimConfig config, CommandTime time) {
        this.accounts = accounts;
        this.listing = listing;
        this.matching = matching;
        this.store = store;
        this.lifecycle = lifecycle;
        this.config = config;
        this.time = time;
    }

    AccountInfo create(String accountId, Map<String, BigDecimal> funding) {
        return accounts.create(accountId, funding, time.now()).info();
    }

    /** Cancels the open orders (pushed as such), forgets orders and executions, then restores the cash. */
    AccountInfo reset(String accountId, Map<String, BigDecimal> funding) {
        PaperAccount account = accounts.require(accountId);
        for (OrderRecord r : store.ordersOf(accountId)) {
            if (r.isOpen()) {
                lifecycle.close(r, OrderStatus.CANCELLED, "cancelled: account reset");
            }
        }
        store.forgetAccount(accountId);
        try {
            account.reset(funding);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw GatewayException.invalid("invalid funding: " + e.getMessage());
        }
        return account.info();
    }

    List<AccountInfo> list() {
        return accounts.list();
    }

    List<Balance> balances(String accountId) {
        return accounts.require(accountId).balances(listing::lastPrice, time.now());
    }

    List<Position> positions(String accountId) {
        return accounts.require(accountId).positions(listing::lastPrice);
    }

    /** Largest whole-lot quantity the available cash buys at {@code price} (null: best ask, else last), fees included. */
    BigDecimal maxBuyQuantity(String accountId, InstrumentId id, BigDecimal price) {
        PaperAccount account = accounts.require(accountId);
        InstrumentMarket m = listing.require(id);
        if (!m.isTradable()) {
            return BigDecimal.ZERO;
        }
        long p;
        if (price != null) {
            if (price.signum() <= 0 || !FixedPoint.isRepresentable(price)) {
                throw GatewayException.invalid("price must be positive with at most 4 decimals");
            }
            p = FixedPoint.toUnits(price);
        } else {
            p = matching.sweepPrice(m.index(), Side.BUY, m.lotSize());
            p = p > 0 ? p : m.last();
        }
        return FixedPoint.quantity(affordableLots(account.availableCash(m.instrument().currency()), p, m) * m.lotSize());
    }

    /** Binary search, because the fee is not linear in the quantity (minimums, rounding to the cent). */
    private long affordableLots(long cash, long price, InstrumentMarket m) {
        FeeSchedule fees = config.feesFor(m.market());
        long lot = m.lotSize();
        long hi = Math.min(cash / Math.max(1, Math.multiplyExact(price, lot)), m.config().maxOrderQuantity() / lot);
        long lo = 0;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            long notional = Math.multiplyExact(mid * lot, price);
            if (notional + fees.totalFee(notional) <= cash) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Shares the account may sell now (its holding minus open sells). */
    BigDecimal maxSellQuantity(String accountId, InstrumentId id) {
        InstrumentMarket m = listing.require(id);
        return FixedPoint.quantity(accounts.require(accountId).availableQuantity(m.id()));
    }
}
