package io.brokergate.sim.longport;

import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.OrderQuery;
import io.brokergate.core.order.Side;
import io.brokergate.longport.rest.AccountBalanceJson;
import io.brokergate.longport.rest.AccountBalanceResponse;
import io.brokergate.longport.rest.EstimateMaxQtyJson;
import io.brokergate.longport.rest.ExecutionJson;
import io.brokergate.longport.rest.ExecutionsResponse;
import io.brokergate.longport.rest.HistoryExecutionsResponse;
import io.brokergate.longport.rest.HistoryOrdersResponse;
import io.brokergate.longport.rest.OrderJson;
import io.brokergate.longport.rest.ReplaceOrderRequest;
import io.brokergate.longport.rest.StockPositionChannelJson;
import io.brokergate.longport.rest.StockPositionJson;
import io.brokergate.longport.rest.StockPositionsResponse;
import io.brokergate.longport.rest.SubmitOrderRequest;
import io.brokergate.longport.rest.SubmitOrderResponse;
import io.brokergate.longport.rest.TodayOrdersResponse;
import io.brokergate.sim.engine.OrderDetail;
import io.brokergate.sim.engine.SimExchange;
import io.brokergate.sim.server.SimRuntime;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * LongPort's trade and asset endpoints (longport.md §1.5-§1.6) over the engine. "Today" is the
 * engine's: orders placed on the current local date of their market, plus every order still open.
 */
final class TradeEndpoints {

    /** History default window and page size (longport.md §1.5). */
    private static final Duration DEFAULT_HISTORY = Duration.ofDays(90);
    private static final int MAX_HISTORY_ROWS = 1000;
    static final String ACCOUNT_CHANNEL = "lb_papertrading";

    private final SimRuntime runtime;
    private final SimExchange exchange;

    TradeEndpoints(SimRuntime runtime) {
        this.runtime = runtime;
        this.exchange = runtime.exchange();
    }

    void register(LongPortRestApi api) {
        api.add("POST", "/v1/trade/order", true, this::submit);
        api.add("PUT", "/v1/trade/order", true, this::replace);
        api.add("DELETE", "/v1/trade/order", true, this::withdraw);
        api.add("GET", "/v1/trade/order", true, this::detail);
        api.add("GET", "/v1/trade/order/today", true, this::todayOrders);
        api.add("GET", "/v1/trade/order/history", true, this::historyOrders);
        api.add("GET", "/v1/trade/execution/today", true, this::todayExecutions);
        api.add("GET", "/v1/trade/execution/history", true, this::historyExecutions);
        api.add("GET", "/v1/asset/account", true, this::balances);
        api.add("GET", "/v1/asset/stock", true, this::positions);
        api.add("GET", "/v1/trade/estimate/buy_limit", true, this::estimateBuyLimit);
    }

    // ------------------------------------------------------------------ orders

    /** The remark is the client's idempotency key; the engine keeps it and returns it in every view. */
    private Future<?> submit(RestCall call) {
        SubmitOrderRequest body = LongPortRestApi.readBody(call, SubmitOrderRequest.class);
        var request = OrderWireMapping.toOrderRequest(call.accountNo(), body);
        requireKnown(request.instrument());
        return engine(exchange.placeOrder(request, request.clientOrderId()))
                .map(o -> new SubmitOrderResponse(o.orderId()));
    }

    private Future<?> replace(RestCall call) {
        ReplaceOrderRequest body = LongPortRestApi.readBody(call, ReplaceOrderRequest.class);
        return engine(exchange.replaceOrder(OrderWireMapping.toAmendment(call.accountNo(), body))).map(o -> null);
    }

    private Future<?> withdraw(RestCall call) {
        return engine(exchange.cancelOrder(call.accountNo(), call.requireQuery("order_id"))).map(o -> null);
    }

    private Future<?> detail(RestCall call) {
        String orderId = call.requireQuery("order_id");
        return engine(exchange.order(call.accountNo(), orderId)).map(found -> {
            OrderDetail d = found.orElseThrow(() ->
                    RestFailure.badRequest(TradeErrorCode.ORDER_NOT_FOUND, "order " + orderId + " not found"));
            return OrderWireMapping.toOrderDetailJson(d, instrumentOf(d));
        });
    }

    private Future<?> todayOrders(RestCall call) {
        OrderFilter filter = OrderFilter.of(call);
        return engine(exchange.todayOrders(call.accountNo(), filter.query(null, null)))
                .map(orders -> new TodayOrdersResponse(toJson(orders, filter)));
    }

    private Future<?> historyOrders(RestCall call) {
        OrderFilter filter = OrderFilter.of(call);
        Instant end = epochSeconds(call, "end_at", Instant.now().plusSeconds(1));
        Instant start = epochSeconds(call, "start_at", end.minus(DEFAULT_HISTORY));
        return engine(exchange.historyOrders(call.accountNo(), filter.query(start, end))).map(orders -> {
            List<OrderJson> out = toJson(orders, filter);
            boolean more = out.size() > MAX_HISTORY_ROWS;
            return new HistoryOrdersResponse(more, more ? out.subList(0, MAX_HISTORY_ROWS) : out);
        });
    }

    /** Newest first, with the filters the engine does not apply (status names, market). */
    private List<OrderJson> toJson(List<OrderDetail> orders, OrderFilter filter) {
        List<OrderDetail> sorted = new ArrayList<>(orders);
        sorted.sort(Comparator.comparing((OrderDetail d) -> d.order().createdAt() == null ? Instant.EPOCH
                : d.order().createdAt()).thenComparing(OrderDetail::orderId).reversed());
        List<OrderJson> out = new ArrayList<>(sorted.size());
        for (OrderDetail d : sorted) {
            if (filter.matches(d.order())) {
                out.add(OrderWireMapping.toOrderJson(d, instrumentOf(d)));
            }
        }
        return out;
    }

    private Instrument instrumentOf(OrderDetail d) {
        return exchange.instrument(d.order().instrument()).orElse(null);
    }

    // ------------------------------------------------------------------ executions

    private Future<?> todayExecutions(RestCall call) {
        InstrumentId symbol = optionalSymbol(call);
        String orderId = call.query("order_id");
        return engine(exchange.todayExecutions(call.accountNo(), symbol, orderId == null || orderId.isBlank() ? null : orderId))
                .map(list -> new ExecutionsResponse(executions(list, e -> true)));
    }

    /** Today's fills are excluded, as on LongPort. */
    private Future<?> historyExecutions(RestCall call) {
        InstrumentId symbol = optionalSymbol(call);
        Instant end = epochSeconds(call, "end_at", Instant.now().plusSeconds(1));
        Instant start = epochSeconds(call, "start_at", end.minus(DEFAULT_HISTORY));
        String account = call.accountNo();
        return engine(exchange.todayExecutions(account, symbol, null)).compose(today -> {
            Set<String> todayIds = new HashSet<>();
            today.forEach(e -> todayIds.add(e.executionId()));
            return engine(exchange.executions(account, start, end, symbol)).map(list -> {
                List<ExecutionJson> out = executions(list, e -> !todayIds.contains(e.executionId()));
                boolean more = out.size() > MAX_HISTORY_ROWS;
                return new HistoryExecutionsResponse(more, more ? out.subList(0, MAX_HISTORY_ROWS) : out);
            });
        });
    }

    private static List<ExecutionJson> executions(List<Execution> list, Predicate<Execution> keep) {
        List<ExecutionJson> out = new ArrayList<>(list.size());
        for (Execution e : list) {
            if (keep.test(e)) {
                out.add(OrderWireMapping.toExecutionJson(e));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ assets

    /** One entry per currency the account holds; each lists the cash of every currency. */
    private Future<?> balances(RestCall call) {
        String currency = call.query("currency");
        return engine(exchange.balances(call.accountNo())).map(balances -> {
            List<AccountBalanceJson.CashInfo> cashInfos = new ArrayList<>();
            for (Balance b : balances) {
                cashInfos.add(new AccountBalanceJson.CashInfo(plain(b.availableCash()), plain(b.availableCash()),
                        plain(b.frozenCash()), "0", b.currency()));
            }
            List<AccountBalanceJson> list = new ArrayList<>();
            for (Balance b : balances) {
                if (currency == null || currency.isBlank() || currency.equalsIgnoreCase(b.currency())) {
                    list.add(new AccountBalanceJson(plain(b.cash()), "0", "0", "0", "0", b.currency(), cashInfos,
                            plain(b.netAssets()), "0", "0", plain(b.buyingPower()), List.of()));
                }
            }
            return new AccountBalanceResponse(list);
        });
    }

    private Future<?> positions(RestCall call) {
        Set<String> symbols = new HashSet<>(call.queryAll("symbol"));
        return engine(exchange.positions(call.accountNo())).map(positions -> {
            List<StockPositionJson> out = new ArrayList<>();
            for (Position p : positions) {
                String symbol = p.instrument().symbol();
                if (p.isFlat() || (!symbols.isEmpty() && !symbols.contains(symbol))) {
                    continue;
                }
                Instrument i = exchange.instrument(p.instrument()).orElse(null);
                out.add(new StockPositionJson(symbol, i == null ? symbol : i.name(), plain(p.quantity()),
                        plain(p.availableQuantity()),
                        p.currency() != null ? p.currency() : p.instrument().market().currency(),
                        plain(p.averageCost()), market(p.instrument().market()), ""));
            }
            return new StockPositionsResponse(List.of(new StockPositionChannelJson(ACCOUNT_CHANNEL, out)));
        });
    }

    /** Buy: what available cash allows at the price (best ask without one). Sell: the sellable holding. */
    private Future<?> estimateBuyLimit(RestCall call) {
        InstrumentId id = OrderWireMapping.symbol(call.requireQuery("symbol"));
        requireKnown(id);
        String orderType = call.requireQuery("order_type");
        if (!List.of("LO", "ELO", "MO", "LIT", "MIT").contains(orderType)) {
            throw OrderWireMapping.invalid("order_type " + orderType + " is not supported by the sim-exchange");
        }
        Side side = OrderWireMapping.side(call.requireQuery("side"));
        BigDecimal price = orderType.equals("MO") ? null : OrderWireMapping.decimal("price", call.query("price"));
        CompletionStage<BigDecimal> qty = side == Side.SELL
                ? exchange.maxSellQuantity(call.accountNo(), id)
                : exchange.maxBuyQuantity(call.accountNo(), id, price);
        return engine(qty).map(q -> {
            String s = plain(q == null ? BigDecimal.ZERO : q.max(BigDecimal.ZERO));
            return new EstimateMaxQtyJson(s, s);
        });
    }

    // ------------------------------------------------------------------ helpers

    private void requireKnown(InstrumentId id) {
        if (exchange.instrument(id).isEmpty()) {
            throw RestFailure.badRequest(TradeErrorCode.UNKNOWN_SYMBOL, "unknown symbol " + id.symbol());
        }
    }

    private static InstrumentId optionalSymbol(RestCall call) {
        String s = call.query("symbol");
        return s == null || s.isBlank() ? null : OrderWireMapping.symbol(s);
    }

    private static Instant epochSeconds(RestCall call, String name, Instant absent) {
        String v = call.query(name);
        if (v == null || v.isBlank()) {
            return absent;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(v.trim()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw OrderWireMapping.invalid(name + " must be Unix seconds");
        }
    }

    /** LongPort market codes: both mainland exchanges are "CN". */
    static String market(Market m) {
        return m.region() == Market.Region.CN ? "CN" : m.region().name();
    }

    private static String plain(BigDecimal d) {
        return d == null ? "0" : OrderWireMapping.plain(d);
    }

    private <T> Future<T> engine(CompletionStage<T> stage) {
        return Future.fromCompletionStage(stage, runtime.context());
    }
}
