package io.brokergate.stream.tradingview.streaming;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountDirectory;
import io.brokergate.core.capability.Capabilities.PushFeature;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.stream.fanout.FanoutHub;
import io.brokergate.stream.tradingview.TradingViewEnvelope;
import io.brokergate.stream.upstream.CapabilityMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Comparator;

/**
 * {@code GET /tv/streaming}: TradingView's data integration (server to server). A permanent
 * HTTP/1.1 chunked response of JSON lines — quotes, trades and daily bars of the configured symbols
 * as they happen (no snapshot), {@code {"heartbeat":unixSec}} every 5 s — identical on each of up to
 * {@code max-connections} parallel connections of one client.
 *
 * <p>Who gets what: only a server token (auth-service's JWT-bearer grant, {@code bg_kind=SERVER})
 * with {@code quotes:read}. The data is the caller's tenant's own: it comes through the first
 * account (by id) of that tenant that the token grants and whose broker streams quotes — data
 * bought through one tenant's broker connection never reaches another tenant. Failures come
 * before the stream, in TradingView's envelope with the error's status.
 */
@ApplicationScoped
public class StreamingRoute {

    static final String PATH = "/tv/streaming";

    private final DataFeeds feeds;
    private final FanoutHub hub;
    private final AccountDirectory directory;
    private final CapabilityMap capabilities;
    private final ObjectMapper json;

    public StreamingRoute(DataFeeds feeds, FanoutHub hub, AccountDirectory directory, CapabilityMap capabilities, ObjectMapper json) {
        this.feeds = feeds;
        this.hub = hub;
        this.directory = directory;
        this.capabilities = capabilities;
        this.json = json;
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(ctx -> TradingViewEnvelope.withCaller(ctx, json, caller -> start(ctx, caller)));
    }

    private void start(RoutingContext ctx, Caller caller) {
        StreamingConnection connection;
        Account account;
        try {
            account = feedAccount(caller);
            if (hub.isShuttingDown()) {
                throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "server shutting down; reconnect");
            }
            connection = feeds.connect(caller, account, ctx.request());
        } catch (GatewayException e) {
            TradingViewEnvelope.fail(ctx, json, e);
            return;
        }
        TradingViewEnvelope.startLines(ctx.response()); // headers now: the first line may be a heartbeat 5 s away
        StreamingConnection c = connection;
        String accountId = account.id();
        ctx.request().connection().closeHandler(v -> feeds.disconnect(c, accountId));
        ctx.response().closeHandler(v -> feeds.disconnect(c, accountId));
    }

    /** @throws GatewayException 403 for anything but a server token with quotes:read, 404 without a streamable account */
    Account feedAccount(Caller caller) {
        if (caller.kind() != CredentialKind.SERVER) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "/streaming is for TradingView's servers:"
                    + " use an access token from the server-to-server (JWT-bearer) grant");
        }
        if (!caller.hasScope(Scopes.QUOTES_READ)) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "/streaming needs scope " + Scopes.QUOTES_READ);
        }
        return directory.forTenant(caller.tenantId()).stream()
                .filter(a -> caller.mayUse(a.tenantId(), a.id()))
                .filter(a -> capabilities.of(a.broker()).map(c -> c.pushes(PushFeature.QUOTES)).orElse(false))
                .min(Comparator.comparing(Account::id))
                .orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND,
                        "no account of this client streams market data; grant it an account whose broker streams quotes"));
    }
}
