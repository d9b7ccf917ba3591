package io.brokergate.sim.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Quote;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderQuery;
import io.brokergate.sim.engine.OrderDetail;
import io.brokergate.sim.longport.LongPortFace;
import io.brokergate.sim.longport.SocketKind;
import io.brokergate.sim.server.AccountOpener;
import io.brokergate.sim.server.PaperAccount;
import io.brokergate.sim.server.PaperAccountSpec;
import io.brokergate.sim.server.SimRuntime;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The sim-exchange's own HTTP API under {@code /admin}, for tests and demos: accounts with their
 * LongPort credentials, socket drops, push pauses, latency, price moves and counters. JSON with
 * snake_case keys; bad input is a 400 and unknown accounts or symbols a 404, both as
 * {@code {"error": ..., "status": ...}}. No authentication: bind the server to loopback.
 */
public final class AdminApi {

    private static final Logger LOG = Logger.getLogger(AdminApi.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SimRuntime runtime;
    private final LongPortFace longPort;
    private final AccountOpener opener;
    private final ObjectMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public AdminApi(SimRuntime runtime, LongPortFace longPort, AccountOpener opener) {
        this.runtime = runtime;
        this.longPort = longPort;
        this.opener = opener;
    }

    public void mount(Router router) {
        router.route("/admin/*").handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
        router.get("/admin/accounts").handler(ctx -> run(ctx, 200, this::accounts));
        router.post("/admin/accounts").handler(ctx -> run(ctx, 201, this::createAccount));
        router.post("/admin/accounts/:accountNo/reset").handler(ctx -> run(ctx, 200, this::reset));
        router.get("/admin/accounts/:accountNo/orders").handler(ctx -> run(ctx, 200, this::orders));
        router.post("/admin/accounts/:accountNo/drop-sockets").handler(ctx -> run(ctx, 200, this::dropSockets));
        router.post("/admin/pushes/pause").handler(ctx -> run(ctx, 200, c -> pushes(c, true)));
        router.post("/admin/pushes/resume").handler(ctx -> run(ctx, 200, c -> pushes(c, false)));
        router.post("/admin/latency").handler(ctx -> run(ctx, 200, this::latency));
        router.get("/admin/instruments").handler(ctx -> run(ctx, 200, this::instruments));
        router.post("/admin/instruments/:symbol/price").handler(ctx -> run(ctx, 200, this::movePrice));
        router.get("/admin/stats").handler(ctx -> run(ctx, 200, this::stats));
        router.route("/admin/*").handler(ctx -> error(ctx, 404, "no admin endpoint "
                + ctx.request().method() + " " + ctx.request().path()));
        router.route("/admin/*").failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                error(ctx, 400, "request body is too large");
            } else {
                if (ctx.failure() != null) {
                    LOG.errorf(ctx.failure(), "admin %s failed", ctx.request().path());
                }
                error(ctx, ctx.statusCode() >= 400 ? ctx.statusCode() : 500, "internal error");
            }
        });
    }

    // ------------------------------------------------------------------ accounts

    private Future<?> accounts(RoutingContext ctx) {
        return Future.succeededFuture(new AdminViews.Accounts(runtime.accounts().all().stream()
                .map(a -> runtime.urls().credentialsOf(a)).toList()));
    }

    private Future<?> createAccount(RoutingContext ctx) {
        Buffer raw = ctx.body().buffer();
        AdminViews.NewAccount body = raw == null || raw.length() == 0 ? new AdminViews.NewAccount(null, null, null)
                : read(ctx, AdminViews.NewAccount.class);
        String accountNo = body.accountNo() == null || body.accountNo().isBlank()
                ? "PA" + (10_000_000 + RANDOM.nextInt(90_000_000)) : body.accountNo().trim();
        if (runtime.accounts().byAccountNo(accountNo).isPresent()) {
            throw new AdminFailure(409, "account " + accountNo + " already exists");
        }
        PaperAccountSpec spec;
        try {
            spec = new PaperAccountSpec(accountNo, body.name(), hex(16), hex(32), hex(24),
                    body.funding() == null ? Map.of() : body.funding());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw AdminFailure.badRequest(e.getMessage());
        }
        return engine(opener.open(spec)).map(a -> runtime.urls().credentialsOf(a));
    }

    /** Back to the registered funding, or to the body's {@code funding} (which later resets keep). */
    private Future<?> reset(RoutingContext ctx) {
        PaperAccount account = account(ctx);
        Buffer raw = ctx.body().buffer();
        Map<String, BigDecimal> funding = raw == null || raw.length() == 0 ? null
                : read(ctx, AdminViews.ResetBody.class).funding();
        if (funding != null && (funding.isEmpty() || funding.values().stream().anyMatch(v -> v == null || v.signum() < 0))) {
            throw AdminFailure.badRequest("funding must name at least one currency with an amount of 0 or more");
        }
        if (funding == null && !account.funding().isEmpty()) {
            funding = account.funding();
        }
        return engine(runtime.exchange().resetAccount(account.accountNo(), funding))
                .map(v -> {
                    LOG.infof("paper account %s reset by the admin API", account.accountNo());
                    return new AdminViews.Reset(account.accountNo(), true);
                });
    }

    /** Every order the exchange remembers for the account (since its last reset), oldest first. */
    private Future<?> orders(RoutingContext ctx) {
        PaperAccount account = account(ctx);
        return engine(runtime.exchange().historyOrders(account.accountNo(), OrderQuery.ALL)).map(orders -> {
            List<AdminViews.Order> out = new ArrayList<>(orders.size());
            for (OrderDetail d : orders) {
                Order o = d.order();
                out.add(new AdminViews.Order(o.orderId(), d.remark(), o.instrument().symbol(), o.side().name(),
                        o.type().name(), o.status().name(), plain(o.quantity()), plain(o.filledQuantity()),
                        o.createdAt() == null ? null : o.createdAt().toString()));
            }
            return new AdminViews.Orders(account.accountNo(), out);
        });
    }

    private Future<?> dropSockets(RoutingContext ctx) {
        PaperAccount account = account(ctx);
        String mode = ctx.queryParams().get("mode") == null ? "close" : ctx.queryParams().get("mode");
        if (!mode.equals("close") && !mode.equals("abrupt")) {
            throw AdminFailure.badRequest("mode must be close or abrupt, not " + mode);
        }
        String socket = ctx.queryParams().get("socket") == null ? "all" : ctx.queryParams().get("socket");
        SocketKind kind;
        try {
            kind = SocketKind.parseOrAll(socket);
        } catch (IllegalArgumentException e) {
            throw AdminFailure.badRequest(e.getMessage());
        }
        int dropped = longPort.dropSockets(account.accountNo(), kind, mode.equals("abrupt"));
        return Future.succeededFuture(new AdminViews.Dropped(account.accountNo(), mode, socket, dropped));
    }

    // ------------------------------------------------------------------ faults

    private Future<?> pushes(RoutingContext ctx, boolean pause) {
        String accountNo = ctx.queryParams().get("account");
        if (accountNo != null && runtime.accounts().byAccountNo(accountNo).isEmpty()) {
            throw AdminFailure.notFound("unknown account " + accountNo);
        }
        if (pause) {
            runtime.faults().pausePushes(accountNo);
        } else {
            runtime.faults().resumePushes(accountNo);
        }
        LOG.infof("pushes %s for %s", pause ? "paused" : "resumed", accountNo == null ? "every account" : accountNo);
        return Future.succeededFuture(new AdminViews.Pushes(runtime.faults().allPushesPaused(),
                runtime.faults().pausedAccounts()));
    }

    private Future<?> latency(RoutingContext ctx) {
        AdminViews.Latency body = read(ctx, AdminViews.Latency.class);
        if (body.millis() == null || body.millis() < 0 || body.millis() > 60_000) {
            throw AdminFailure.badRequest("millis must be 0..60000 (0 clears)");
        }
        runtime.faults().latencyMillis(body.millis());
        LOG.infof("injected latency set to %d ms", body.millis());
        return Future.succeededFuture(body);
    }

    // ------------------------------------------------------------------ market

    private Future<?> instruments(RoutingContext ctx) {
        List<AdminViews.Instrument> out = new ArrayList<>();
        for (Instrument i : runtime.exchange().instruments()) {
            Quote q = runtime.exchange().quote(i.id());
            out.add(new AdminViews.Instrument(i.id().symbol(), i.name(), i.type().name(), i.market().name(),
                    i.currency(), plain(i.lotSize()), i.isTradable(), q == null ? null : plain(q.last()),
                    q == null ? null : plain(q.bid()), q == null ? null : plain(q.ask()),
                    q == null ? null : plain(q.prevClose()), q == null ? 0 : q.volume()));
        }
        return Future.succeededFuture(new AdminViews.Instruments(out));
    }

    private Future<?> movePrice(RoutingContext ctx) {
        String symbol = ctx.pathParam("symbol");
        InstrumentId id;
        try {
            id = InstrumentId.parse(symbol);
        } catch (IllegalArgumentException e) {
            throw AdminFailure.notFound("unknown symbol " + symbol);
        }
        if (runtime.exchange().instrument(id).isEmpty()) {
            throw AdminFailure.notFound("unknown symbol " + symbol);
        }
        AdminViews.Price body = read(ctx, AdminViews.Price.class);
        BigDecimal price;
        try {
            price = new BigDecimal(body.price() == null ? "" : body.price().trim());
        } catch (NumberFormatException e) {
            throw AdminFailure.badRequest("price must be a decimal string such as \"390.2\"");
        }
        if (price.signum() <= 0) {
            throw AdminFailure.badRequest("price must be positive");
        }
        return engine(runtime.exchange().movePrice(id, price)).map(used -> {
            LOG.infof("price of %s moved to %s by the admin API", id, used.toPlainString());
            return new AdminViews.PriceMoved(id.symbol(), plain(used));
        });
    }

    private Future<?> stats(RoutingContext ctx) {
        return Future.succeededFuture(new AdminViews.Stats(longPort.liveSockets(), runtime.faults().latencyMillis(),
                runtime.faults().allPushesPaused(), runtime.faults().pausedAccounts(), runtime.counters().snapshot()));
    }

    // ------------------------------------------------------------------ plumbing

    private PaperAccount account(RoutingContext ctx) {
        String accountNo = ctx.pathParam("accountNo");
        return runtime.accounts().byAccountNo(accountNo)
                .orElseThrow(() -> AdminFailure.notFound("unknown account " + accountNo));
    }

    private <T> T read(RoutingContext ctx, Class<T> type) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw AdminFailure.badRequest("a JSON body is required");
        }
        try {
            T value = mapper.readValue(body.getBytes(), type);
            if (value == null) {
                throw AdminFailure.badRequest("the body must be a JSON object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw AdminFailure.badRequest("malformed JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw AdminFailure.badRequest("unreadable JSON body");
        }
    }

    private void run(RoutingContext ctx, int status, Function<RoutingContext, Future<?>> action) {
        Future<?> f;
        try {
            f = action.apply(ctx);
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        f.onComplete(ar -> {
            if (ar.succeeded()) {
                write(ctx, status, ar.result());
                return;
            }
            Throwable t = ar.cause() instanceof CompletionException && ar.cause().getCause() != null
                    ? ar.cause().getCause() : ar.cause();
            if (t instanceof AdminFailure a) {
                error(ctx, a.status(), a.getMessage());
            } else if (t instanceof GatewayException g && g.code().httpStatus() < 500) {
                error(ctx, g.code() == ErrorCode.NOT_FOUND ? 404 : 400, g.getMessage());
            } else if (t instanceof IllegalArgumentException) {
                error(ctx, 400, t.getMessage());
            } else {
                LOG.errorf(t, "admin %s %s failed", ctx.request().method(), ctx.request().path());
                error(ctx, 500, "internal error");
            }
        });
    }

    private void error(RoutingContext ctx, int status, String message) {
        write(ctx, status, new AdminViews.Error(message, status));
    }

    private void write(RoutingContext ctx, int status, Object value) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            LOG.errorf(e, "cannot serialise the admin reply to %s", ctx.request().path());
            status = 500;
            json = "{\"error\":\"internal error\",\"status\":500}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(Buffer.buffer(json));
    }

    private <T> Future<T> engine(java.util.concurrent.CompletionStage<T> stage) {
        return Future.fromCompletionStage(stage, runtime.context());
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String plain(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
