package io.brokergate.trade.preview;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.market.Quote;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.Side;
import io.brokergate.trade.accounts.TradingAccounts;
import io.brokergate.trade.book.AccountBook;
import io.brokergate.trade.book.AccountBooks;
import io.brokergate.trade.brokers.BrokerCatalog;
import io.brokergate.trade.orders.InstrumentRules;
import io.brokergate.trade.orders.OrderDesk;
import io.brokergate.trade.orders.RequestOrigin;
import io.brokergate.trade.risk.RiskGate;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Order previews, for the native API and TradingView's order ticket alike: what the order would
 * cost (quantity × limit price, or the current ask/bid for a market order), the fees the
 * configured schedule estimates, the buying power the account has, the broker's own estimate of
 * the largest quantity, and what would go wrong. Nothing is placed; the rules and risk limits the
 * place path enforces are checked without being counted. Balances and positions come from the
 * account's book; the broker is asked only for a quote (market orders without one), its trading
 * sessions (cached) and its max-quantity estimate. A market order is valued at the best price of
 * the book's opposite side (the prices the trader sees, when TradingView sends them).
 */
@ApplicationScoped
public class OrderPreviews {

    private static final Logger LOG = Logger.getLogger(OrderPreviews.class);
    private static final long BROKER_WAIT_MS = 5_000;

    /** Prices the trader is looking at (TradingView sends them); null when unknown. */
    public record ShownPrices(BigDecimal ask, BigDecimal bid) {
        public static final ShownPrices NONE = new ShownPrices(null, null);
    }

    private record Priced(BigDecimal price, String source) {
    }

    private final TradingAccounts accounts;
    private final AccountBooks books;
    private final BrokerCatalog brokers;
    private final InstrumentRules rules;
    private final RiskGate risk;
    private final FeeSchedule fees;
    private final MarketHours hours;

    public OrderPreviews(TradingAccounts accounts, AccountBooks books, BrokerCatalog brokers, InstrumentRules rules,
                         RiskGate risk, FeeSchedule fees, MarketHours hours) {
        this.accounts = accounts;
        this.books = books;
        this.brokers = brokers;
        this.rules = rules;
        this.risk = risk;
        this.fees = fees;
        this.hours = hours;
    }

    /**
     * @param brokerEstimate whether to ask the broker for its max-quantity estimate (a trade-category
     *                       call that shares the order path's limit: previews ask, live order-ticket info does not)
     */
    public OrderPreview preview(RequestOrigin origin, Account account, OrderRequest order, ShownPrices shown,
                                boolean brokerEstimate) {
        Capabilities caps = brokers.find(account.broker()).map(BrokerCatalog.Entry::capabilities)
                .orElseThrow(() -> new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "no adapter for " + account.broker()));
        Instrument instrument = rules.instrument(account, order.instrument());
        List<PreviewWarning> warnings = new ArrayList<>();
        checkRules(account, order, instrument, warnings);
        Priced priced = price(account, order, shown);
        checkRisk(origin, account, order, priced.price(), warnings);
        AccountBook book = books.reconciled(account);
        String currency = instrument.currency();
        BigDecimal cost = priced.price() == null ? null : order.quantity().multiply(priced.price());
        List<Fee> charges = cost == null ? List.of() : fees.fees(instrument.market(), order.side(), order.quantity(), cost);
        BigDecimal totalFees = cost == null ? null : charges.stream().map(Fee::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = cost == null ? null : order.side() == Side.BUY ? cost.add(totalFees) : cost.subtract(totalFees);
        Balance balance = balance(book.balances(), currency);
        BigDecimal buyingPower = balance == null ? null : balance.buyingPower() != null ? balance.buyingPower() : balance.availableCash();
        BigDecimal maxQuantity = brokerEstimate && caps.maxQuantityEstimate() ? maxQuantity(account, order, priced.price()) : null;
        if (priced.price() == null) {
            warnings.add(PreviewWarning.info("no_price", "no current price for " + order.instrument().symbol()
                    + ": cost and fees cannot be estimated"));
        } else if (!fees.covers(instrument.market())) {
            warnings.add(PreviewWarning.info("no_fee_schedule", "no fee schedule is configured for the "
                    + instrument.market() + " market: fees are not included"));
        }
        if (order.side() == Side.BUY && total != null && buyingPower != null) {
            if (!currency.equals(balance.currency())) {
                warnings.add(PreviewWarning.info("currency", "buying power is in " + balance.currency() + ", the order in "
                        + currency + ": they are not compared"));
            } else if (total.compareTo(buyingPower) > 0) {
                warnings.add(PreviewWarning.info("insufficient_buying_power", "the order needs about " + Amounts.of(total)
                        + " " + currency + ", the buying power is " + Amounts.of(buyingPower) + " " + currency));
            }
        }
        if (order.side() == Side.SELL && !caps.shortSelling()) {
            BigDecimal held = book.positions().stream().filter(p -> p.instrument().equals(order.instrument())).findFirst()
                    .map(OrderPreviews::sellable).orElse(BigDecimal.ZERO);
            if (order.quantity().compareTo(held) > 0) {
                warnings.add(PreviewWarning.info("insufficient_position", "the account can sell " + Amounts.of(held) + " "
                        + order.instrument().symbol() + "; " + caps.displayName() + " does not sell short"));
            }
        }
        if (maxQuantity != null && order.quantity().compareTo(maxQuantity) > 0) {
            warnings.add(PreviewWarning.info("exceeds_max_quantity", "the broker estimates at most " + Amounts.of(maxQuantity)
                    + " for this account"));
        }
        hours.closedNow(account, instrument.market(), Instant.now()).ifPresent(regular -> warnings.add(PreviewWarning.info(
                "outside_trading_hours", instrument.market() + " is outside its regular trading hours (" + regular + " "
                        + instrument.market().zone().getId() + "): the order waits for the next session")));
        return new OrderPreview(order, currency, priced.price(), priced.source(), cost, charges, totalFees, total, buyingPower,
                balance == null ? null : balance.currency(), maxQuantity, List.copyOf(warnings));
    }

    /** Lot and tick first, each with its own code; then what else the place path's rules would refuse. */
    private void checkRules(Account account, OrderRequest order, Instrument instrument, List<PreviewWarning> warnings) {
        int before = warnings.size();
        blockingIf(warnings, "lot_size", () -> InstrumentRules.checkQuantity(instrument, order.quantity()));
        blockingIf(warnings, "tick_size", () -> {
            InstrumentRules.checkPrice(instrument, "limit_price", order.limitPrice());
            InstrumentRules.checkPrice(instrument, "stop_price", order.stopPrice());
        });
        if (warnings.size() == before) {
            blockingIf(warnings, "order_rules", () -> rules.check(account, order));
        }
    }

    private void checkRisk(RequestOrigin origin, Account account, OrderRequest order, BigDecimal price,
                           List<PreviewWarning> warnings) {
        try {
            risk.check(OrderDesk.riskSubject(origin, account), order, price, Instant.now());
        } catch (GatewayException e) {
            if (e.code() != ErrorCode.RISK_REJECTED) {
                throw e;
            }
            warnings.add(PreviewWarning.blocking("risk_limit", e.getMessage()));
        }
    }

    private static void blockingIf(List<PreviewWarning> warnings, String code, Runnable check) {
        try {
            check.run();
        } catch (GatewayException e) {
            if (e.code() != ErrorCode.INVALID_REQUEST) {
                throw e;
            }
            warnings.add(PreviewWarning.blocking(code, e.getMessage()));
        }
    }

    private Priced price(Account account, OrderRequest order, ShownPrices shown) {
        if (order.limitPrice() != null) {
            return new Priced(order.limitPrice(), "limit");
        }
        if (order.stopPrice() != null) {
            return new Priced(order.stopPrice(), "stop");
        }
        boolean buy = order.side() == Side.BUY;
        BigDecimal seen = buy ? shown.ask() : shown.bid();
        if (seen != null && seen.signum() > 0) {
            return new Priced(seen, buy ? "ask" : "bid");
        }
        // The book's best price on the order's side (a LongPort quote has no bid or ask), else the last trade.
        var market = accounts.session(account).marketData();
        Depth depth = await(market.depth(order.instrument())).orElse(null);
        List<DepthLevel> side = depth == null ? List.of() : buy ? depth.asks() : depth.bids();
        if (!side.isEmpty() && side.get(0).price().signum() > 0) {
            return new Priced(side.get(0).price(), buy ? "ask" : "bid");
        }
        Quote quote = await(market.quotes(List.of(order.instrument()))).flatMap(q -> q.stream().findFirst()).orElse(null);
        return quote != null && quote.last() != null && quote.last().signum() > 0 ? new Priced(quote.last(), "last")
                : new Priced(null, null);
    }

    private BigDecimal maxQuantity(Account account, OrderRequest order, BigDecimal price) {
        return await(accounts.session(account).trading().maxQuantity(account.brokerAccountNo(), order.instrument(),
                order.side(), order.type(), price)).orElse(null);
    }

    private static Balance balance(List<Balance> balances, String currency) {
        return balances.stream().filter(b -> currency.equals(b.currency())).findFirst()
                .orElse(balances.isEmpty() ? null : balances.get(0));
    }

    private static BigDecimal sellable(Position p) {
        BigDecimal q = p.availableQuantity() != null ? p.availableQuantity() : p.quantity();
        return q.max(BigDecimal.ZERO);
    }

    /** An estimate the broker does not give in time (or at all) is left out: a preview never fails on it. */
    private static <T> java.util.Optional<T> await(CompletionStage<T> stage) {
        try {
            return java.util.Optional.ofNullable(stage.toCompletableFuture().get(BROKER_WAIT_MS, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        } catch (Exception e) {
            LOG.debugf("preview: the broker gave no estimate: %s", e.getMessage());
            return java.util.Optional.empty();
        }
    }
}
