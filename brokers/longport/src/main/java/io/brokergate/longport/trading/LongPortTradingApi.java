package io.brokergate.longport.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.limits.OutboundCategory;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderAck;
import io.brokergate.core.order.OrderAmendment;
import io.brokergate.core.order.OrderQuery;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.spi.TradingApi;
import io.brokergate.longport.mapping.Decimals;
import io.brokergate.longport.mapping.OrderRequests;
import io.brokergate.longport.mapping.OrderStatuses;
import io.brokergate.longport.mapping.OrderTypes;
import io.brokergate.longport.mapping.Orders;
import io.brokergate.longport.mapping.Sides;
import io.brokergate.longport.mapping.Symbols;
import io.brokergate.longport.rest.AccountBalanceJson;
import io.brokergate.longport.rest.AccountBalanceResponse;
import io.brokergate.longport.rest.EstimateMaxQtyJson;
import io.brokergate.longport.rest.ExecutionJson;
import io.brokergate.longport.rest.ExecutionsResponse;
import io.brokergate.longport.rest.HistoryExecutionsResponse;
import io.brokergate.longport.rest.HistoryOrdersResponse;
import io.brokergate.longport.rest.LongPortJson;
import io.brokergate.longport.rest.OrderJson;
import io.brokergate.longport.rest.OrderStatus;
import io.brokergate.longport.rest.StockPositionChannelJson;
import io.brokergate.longport.rest.StockPositionJson;
import io.brokergate.longport.rest.StockPositionsResponse;
import io.brokergate.longport.rest.SubmitOrderRequest;
import io.brokergate.longport.rest.SubmitOrderResponse;
import io.brokergate.longport.rest.TodayOrdersResponse;
import io.vertx.core.http.HttpMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * {@link TradingApi} over LongPort REST. Every call goes through the account's TRADE lane (30 per
 * 30 s, 20 ms apart); a call that cannot get a slot in time fails with {@code rate_limited} and a
 * retry-after. Unsupported combinations fail with {@code INVALID_REQUEST} before anything is sent.
 * A place that times out fails with {@code TIMEOUT_UNKNOWN_OUTCOME} and is never resent here.
 */
public final class LongPortTradingApi implements TradingApi {

    private static final Logger LOG = Logger.getLogger(LongPortTradingApi.class);
    static final String ORDER = "/v1/trade/order";
    static final String TODAY_ORDERS = "/v1/trade/order/today";
    static final String HISTORY_ORDERS = "/v1/trade/order/history";
    static final String TODAY_EXECUTIONS = "/v1/trade/execution/today";
    static final String HISTORY_EXECUTIONS = "/v1/trade/execution/history";
    static final String POSITIONS = "/v1/asset/stock";
    static final String BALANCES = "/v1/asset/account";
    static final String MAX_QUANTITY = "/v1/trade/estimate/buy_limit";
    /** Execution records lack the side; remember it from the orders seen (bounded). */
    private static final int SIDE_MEMORY = 10_000;

    private final LongPortRestClient rest;
    private final String defaultAccountId;
    private final Map<String, Side> sides = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Side> eldest) {
            return size() > SIDE_MEMORY;
        }
    };

    /** @param defaultAccountId names the account in results when a caller passes none */
    public LongPortTradingApi(LongPortRestClient rest, String defaultAccountId) {
        this.rest = rest;
        this.defaultAccountId = defaultAccountId;
    }

    @Override
    public CompletionStage<OrderAck> place(OrderRequest request) {
        return guard(() -> {
            SubmitOrderRequest body = OrderRequests.toWire(request);
            return rest.call(RestCall.json(HttpMethod.POST, ORDER, LongPortJson.write(body), true), SubmitOrderResponse.class)
                    .thenApply(r -> {
                        if (r.orderId() == null || r.orderId().isBlank()) {
                            throw new GatewayException(ErrorCode.TIMEOUT_UNKNOWN_OUTCOME, "LongPort accepted the order "
                                    + "without an order id; look it up by client order id before resending");
                        }
                        remember(r.orderId(), request.side());
                        return new OrderAck(r.orderId(), request.clientOrderId());
                    });
        });
    }

    /** LongPort's replace needs the quantity: when the amendment keeps it, the current one is fetched first. */
    @Override
    public CompletionStage<Void> amend(OrderAmendment amendment) {
        CompletionStage<BigDecimal> quantity = amendment.quantity() != null
                ? CompletableFuture.completedFuture(amendment.quantity())
                : order(amendment.accountId(), amendment.orderId()).thenApply(o -> o
                        .orElseThrow(() -> GatewayException.notFound("order " + amendment.orderId() + " not found"))
                        .quantity());
        return quantity.thenCompose(q -> guard(() -> rest.call(RestCall.json(HttpMethod.PUT, ORDER,
                LongPortJson.write(OrderRequests.toWire(amendment, q)), false), JsonNode.class))).thenApply(x -> null);
    }

    @Override
    public CompletionStage<Void> cancel(String accountId, String orderId) {
        return guard(() -> rest.call(RestCall.delete(ORDER, new QueryString().add("order_id", required(orderId))),
                JsonNode.class)).thenApply(x -> null);
    }

    @Override
    public CompletionStage<Optional<Order>> order(String accountId, String orderId) {
        return guard(() -> rest.call(RestCall.get(ORDER, new QueryString().add("order_id", required(orderId)),
                        OutboundCategory.TRADE), OrderJson.class))
                .thenApply(o -> Optional.ofNullable(toOrder(o, accountId)))
                .exceptionally(e -> {
                    GatewayException g = unwrap(e);
                    if (g.code() == ErrorCode.NOT_FOUND) {
                        return Optional.empty();
                    }
                    throw g;
                });
    }

    @Override
    public CompletionStage<Optional<Order>> findByClientOrderId(String accountId, String clientOrderId) {
        return todayOrders(accountId, OrderQuery.ALL).thenApply(list -> list.stream()
                .filter(o -> clientOrderId.equals(o.clientOrderId())).findFirst());
    }

    @Override
    public CompletionStage<List<Order>> todayOrders(String accountId, OrderQuery query) {
        return guard(() -> rest.call(RestCall.get(TODAY_ORDERS, orderFilter(query).add("order_id", query.orderId()),
                        OutboundCategory.TRADE), TodayOrdersResponse.class))
                .thenApply(r -> toOrders(r.orders(), accountId, query));
    }

    /** One page (LongPort returns at most 1000 orders and says has_more; the window defaults to 90 days). */
    @Override
    public CompletionStage<List<Order>> historyOrders(String accountId, OrderQuery query) {
        return guard(() -> rest.call(RestCall.get(HISTORY_ORDERS, window(orderFilter(query), query),
                        OutboundCategory.TRADE), HistoryOrdersResponse.class))
                .thenApply(r -> toOrders(r.orders(), accountId, query));
    }

    @Override
    public CompletionStage<List<Execution>> todayExecutions(String accountId, OrderQuery query) {
        return guard(() -> rest.call(RestCall.get(TODAY_EXECUTIONS, new QueryString()
                        .add("symbol", symbol(query.instrument())).add("order_id", query.orderId()),
                        OutboundCategory.TRADE), ExecutionsResponse.class))
                .thenCompose(r -> withSides(r.trades(), accountId, query,
                        () -> todayOrders(accountId, OrderQuery.ALL)));
    }

    @Override
    public CompletionStage<List<Execution>> historyExecutions(String accountId, OrderQuery query) {
        return guard(() -> rest.call(RestCall.get(HISTORY_EXECUTIONS,
                        window(new QueryString().add("symbol", symbol(query.instrument())), query),
                        OutboundCategory.TRADE), HistoryExecutionsResponse.class))
                .thenCompose(r -> withSides(r.trades(), accountId, query,
                        () -> historyOrders(accountId, new OrderQuery(query.instrument(), null, null, null,
                                query.from(), query.to()))));
    }

    @Override
    public CompletionStage<List<Position>> positions(String accountId) {
        return guard(() -> rest.call(RestCall.get(POSITIONS, null, OutboundCategory.TRADE), StockPositionsResponse.class))
                .thenApply(r -> {
                    List<Position> out = new ArrayList<>();
                    for (StockPositionChannelJson channel : r.list()) {
                        for (StockPositionJson p : channel.stockInfo()) {
                            InstrumentId id = Symbols.parseOrNull(p.symbol());
                            if (id != null) {
                                out.add(new Position(account(accountId), id, Decimals.parseOrZero(p.quantity()),
                                        Decimals.parse(p.availableQuantity()), Decimals.parse(p.costPrice()), null,
                                        null, null, p.currency().isEmpty() ? id.market().currency() : p.currency()));
                            }
                        }
                    }
                    return out;
                });
    }

    @Override
    public CompletionStage<List<Balance>> balances(String accountId) {
        return guard(() -> rest.call(RestCall.get(BALANCES, null, OutboundCategory.TRADE), AccountBalanceResponse.class))
                .thenApply(r -> {
                    Instant now = Instant.now();
                    List<Balance> out = new ArrayList<>(r.list().size());
                    for (AccountBalanceJson b : r.list()) {
                        out.add(balance(b, account(accountId), now));
                    }
                    return out;
                });
    }

    /** LongPort's estimate answers the cash-limited quantity ({@code cash_max_qty}; "" means 0). */
    @Override
    public CompletionStage<BigDecimal> maxQuantity(String accountId, InstrumentId instrument, Side side, OrderType type,
                                                   BigDecimal price) {
        return guard(() -> {
            QueryString q = new QueryString().add("symbol", Symbols.toWire(instrument))
                    .add("order_type", OrderTypes.toWire(type, instrument.market(), false).wire())
                    .add("side", Sides.toWire(side).wire())
                    .add("price", Decimals.toWire(price));
            return rest.call(RestCall.get(MAX_QUANTITY, q, OutboundCategory.TRADE), EstimateMaxQtyJson.class)
                    .thenApply(r -> Decimals.parseOrZero(r.cashMaxQty()));
        });
    }

    // ------------------------------------------------------------------ mapping helpers

    static Balance balance(AccountBalanceJson b, String accountId, Instant now) {
        AccountBalanceJson.CashInfo cash = null;
        for (AccountBalanceJson.CashInfo c : b.cashInfos()) {
            if (c.currency().equals(b.currency())) {
                cash = c;
            }
        }
        BigDecimal total = Decimals.parse(b.totalCash());
        BigDecimal net = Decimals.parse(b.netAssets());
        BigDecimal marketValue = net != null && total != null ? net.subtract(total) : null;
        return new Balance(accountId, b.currency(), total, cash == null ? null : Decimals.parse(cash.availableCash()),
                cash == null ? null : Decimals.parse(cash.frozenCash()), Decimals.parse(b.buyPower()), marketValue, net,
                null, null, now);
    }

    private List<Order> toOrders(List<OrderJson> json, String accountId, OrderQuery query) {
        List<Order> out = new ArrayList<>(json.size());
        for (OrderJson o : json) {
            Order order = toOrder(o, accountId);
            if (order != null && query.matches(order)) {
                out.add(order);
            }
        }
        return out;
    }

    private Order toOrder(OrderJson o, String accountId) {
        Order order = Orders.fromJson(o, account(accountId));
        if (order == null) {
            LOG.warnf("skipped a LongPort order with an unreadable symbol or side: %s %s", o.orderId(), o.symbol());
        } else {
            remember(order.orderId(), order.side());
        }
        return order;
    }

    /** Executions carry no side: take it from memory, fetching the orders once if any is unknown. */
    private CompletionStage<List<Execution>> withSides(List<ExecutionJson> trades, String accountId, OrderQuery query,
                                                       Supplier<CompletionStage<List<Order>>> orders) {
        boolean unknown = trades.stream().anyMatch(t -> side(t.orderId()) == null);
        CompletionStage<?> lookup = unknown ? orders.get().exceptionally(e -> List.of())
                : CompletableFuture.completedFuture(null);
        return lookup.thenApply(x -> {
            List<Execution> out = new ArrayList<>(trades.size());
            for (ExecutionJson t : trades) {
                Execution e = Orders.fromJson(t, account(accountId), side(t.orderId()));
                if (e != null && (query.orderId() == null || query.orderId().equals(e.orderId()))) {
                    out.add(e);
                }
            }
            return out;
        });
    }

    /** Server-side narrowing; the exact filter is {@link OrderQuery#matches} on the mapped orders. */
    private static QueryString orderFilter(OrderQuery query) {
        QueryString q = new QueryString().add("symbol", symbol(query.instrument()));
        for (OrderStatus s : OrderStatuses.toWire(query.statuses())) {
            q.add("status", s.wire());
        }
        return q.add("side", query.side() == null ? null : Sides.toWire(query.side()).wire());
    }

    /**
     * LongPort takes whole seconds: the start rounds down and the (exclusive) end up, so the broker's
     * answer covers the window and {@link OrderQuery#matches} cuts it exactly. Rounding the end down
     * lost the orders of its last second, e.g. one placed just before a history request.
     */
    private static QueryString window(QueryString q, OrderQuery query) {
        return q.add("start_at", query.from() == null ? null : Long.toString(query.from().getEpochSecond()))
                .add("end_at", query.to() == null ? null : Long.toString(secondsUp(query.to())));
    }

    static long secondsUp(Instant t) {
        return t.getNano() == 0 ? t.getEpochSecond() : t.getEpochSecond() + 1;
    }

    private static String symbol(InstrumentId id) {
        return id == null ? null : Symbols.toWire(id);
    }

    private String account(String accountId) {
        return accountId != null ? accountId : defaultAccountId;
    }

    private void remember(String orderId, Side side) {
        synchronized (sides) {
            sides.put(orderId, side);
        }
    }

    private Side side(String orderId) {
        synchronized (sides) {
            return sides.get(orderId);
        }
    }

    private static String required(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw GatewayException.invalid("order_id is required");
        }
        return orderId;
    }

    /** Validation errors thrown while building a request become a failed stage, never a throw. */
    static <T> CompletionStage<T> guard(Supplier<CompletionStage<T>> call) {
        try {
            return call.get();
        } catch (GatewayException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static GatewayException unwrap(Throwable t) {
        Throwable c = t;
        while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c instanceof GatewayException g ? g
                : new GatewayException(ErrorCode.INTERNAL, "LongPort call failed: " + c, null, null, c);
    }
}
