package io.brokergate.remote.wire;

import static io.brokergate.remote.wire.OwnerJson.listOf;
import static io.brokergate.remote.wire.OwnerJson.type;

import com.fasterxml.jackson.databind.JavaType;
import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.market.TradingDays;
import io.brokergate.core.market.TradingSession;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderAck;
import io.brokergate.core.order.OrderAmendment;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.spi.BrokerSession;
import io.brokergate.remote.wire.OwnerArgs.AccountQuery;
import io.brokergate.remote.wire.OwnerArgs.AccountRef;
import io.brokergate.remote.wire.OwnerArgs.Candles;
import io.brokergate.remote.wire.OwnerArgs.ClientOrderRef;
import io.brokergate.remote.wire.OwnerArgs.Days;
import io.brokergate.remote.wire.OwnerArgs.HistoryCandles;
import io.brokergate.remote.wire.OwnerArgs.InstrumentRef;
import io.brokergate.remote.wire.OwnerArgs.Instruments;
import io.brokergate.remote.wire.OwnerArgs.MaxQuantity;
import io.brokergate.remote.wire.OwnerArgs.None;
import io.brokergate.remote.wire.OwnerArgs.OrderRef;
import io.brokergate.remote.wire.OwnerArgs.Trades;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/** Every call of {@code TradingApi} and {@code MarketDataApi} as an {@link OwnerCall}. */
public final class OwnerCalls {

    public static final OwnerCall<OrderRequest, OrderAck> PLACE = new OwnerCall<>("trading/place", type(OrderRequest.class),
            type(OrderAck.class), true, (s, r) -> s.trading().place(r));
    public static final OwnerCall<OrderAmendment, Void> AMEND = call("trading/amend", OrderAmendment.class, type(Void.class),
            (s, a) -> s.trading().amend(a));
    public static final OwnerCall<OrderRef, Void> CANCEL = call("trading/cancel", OrderRef.class, type(Void.class),
            (s, a) -> s.trading().cancel(a.accountId(), a.orderId()));
    public static final OwnerCall<OrderRef, Order> ORDER = call("trading/order", OrderRef.class, type(Order.class),
            (s, a) -> s.trading().order(a.accountId(), a.orderId()).thenApply(o -> o.orElse(null)));
    public static final OwnerCall<ClientOrderRef, Order> ORDER_BY_CLIENT_ID = call("trading/order-by-client-id",
            ClientOrderRef.class, type(Order.class),
            (s, a) -> s.trading().findByClientOrderId(a.accountId(), a.clientOrderId()).thenApply(o -> o.orElse(null)));
    public static final OwnerCall<AccountQuery, List<Order>> TODAY_ORDERS = call("trading/today-orders", AccountQuery.class,
            listOf(Order.class), (s, a) -> s.trading().todayOrders(a.accountId(), a.query()));
    public static final OwnerCall<AccountQuery, List<Order>> HISTORY_ORDERS = call("trading/history-orders", AccountQuery.class,
            listOf(Order.class), (s, a) -> s.trading().historyOrders(a.accountId(), a.query()));
    public static final OwnerCall<AccountQuery, List<Execution>> TODAY_EXECUTIONS = call("trading/today-executions",
            AccountQuery.class, listOf(Execution.class), (s, a) -> s.trading().todayExecutions(a.accountId(), a.query()));
    public static final OwnerCall<AccountQuery, List<Execution>> HISTORY_EXECUTIONS = call("trading/history-executions",
            AccountQuery.class, listOf(Execution.class), (s, a) -> s.trading().historyExecutions(a.accountId(), a.query()));
    public static final OwnerCall<AccountRef, List<Position>> POSITIONS = call("trading/positions", AccountRef.class,
            listOf(Position.class), (s, a) -> s.trading().positions(a.accountId()));
    public static final OwnerCall<AccountRef, List<Balance>> BALANCES = call("trading/balances", AccountRef.class,
            listOf(Balance.class), (s, a) -> s.trading().balances(a.accountId()));
    public static final OwnerCall<MaxQuantity, BigDecimal> MAX_QUANTITY = call("trading/max-quantity", MaxQuantity.class,
            type(BigDecimal.class), (s, a) -> s.trading().maxQuantity(a.accountId(), a.instrument(), a.side(), a.type(), a.price()));

    public static final OwnerCall<Instruments, List<Quote>> QUOTES = call("market-data/quotes", Instruments.class,
            listOf(Quote.class), (s, a) -> s.marketData().quotes(a.instruments()));
    public static final OwnerCall<InstrumentRef, Depth> DEPTH = call("market-data/depth", InstrumentRef.class,
            type(Depth.class), (s, a) -> s.marketData().depth(a.instrument()));
    public static final OwnerCall<Trades, List<TradeTick>> TRADES = call("market-data/trades", Trades.class,
            listOf(TradeTick.class), (s, a) -> s.marketData().trades(a.instrument(), a.count()));
    public static final OwnerCall<Candles, List<Bar>> CANDLES = call("market-data/candles", Candles.class,
            listOf(Bar.class), (s, a) -> s.marketData().candles(a.instrument(), a.period(), a.count()));
    public static final OwnerCall<HistoryCandles, List<Bar>> HISTORY_CANDLES = call("market-data/history-candles",
            HistoryCandles.class, listOf(Bar.class),
            (s, a) -> s.marketData().historyCandles(a.instrument(), a.period(), a.from(), a.to()));
    public static final OwnerCall<Instruments, List<Instrument>> INSTRUMENTS = call("market-data/instruments",
            Instruments.class, listOf(Instrument.class), (s, a) -> s.marketData().instruments(a.instruments()));
    public static final OwnerCall<None, List<TradingSession>> TRADING_SESSIONS = call("market-data/trading-sessions",
            None.class, listOf(TradingSession.class), (s, a) -> s.marketData().tradingSessions());
    public static final OwnerCall<Days, TradingDays> TRADING_DAYS = call("market-data/trading-days", Days.class,
            type(TradingDays.class), (s, a) -> s.marketData().tradingDays(a.market(), a.from(), a.to()));

    public static final List<OwnerCall<?, ?>> ALL = List.of(PLACE, AMEND, CANCEL, ORDER, ORDER_BY_CLIENT_ID, TODAY_ORDERS,
            HISTORY_ORDERS, TODAY_EXECUTIONS, HISTORY_EXECUTIONS, POSITIONS, BALANCES, MAX_QUANTITY, QUOTES, DEPTH, TRADES,
            CANDLES, HISTORY_CANDLES, INSTRUMENTS, TRADING_SESSIONS, TRADING_DAYS);

    private OwnerCalls() {
    }

    private static <A, R> OwnerCall<A, R> call(String name, Class<A> argument, JavaType result,
                                               BiFunction<BrokerSession, A, CompletionStage<R>> invoke) {
        return new OwnerCall<>(name, type(argument), result, false, invoke);
    }
}
