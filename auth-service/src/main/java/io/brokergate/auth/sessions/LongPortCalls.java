package io.brokergate.auth.sessions;

import io.brokergate.auth.config.AuthConfig;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.limits.OutboundCategory;
import io.brokergate.core.limits.OutboundGovernor;
import io.brokergate.core.limits.OutboundLimits;
import io.brokergate.core.spi.BrokerCredentials;
import io.brokergate.longport.adapter.LongPortEndpoints;
import io.brokergate.longport.trading.ApiCredentials;
import io.brokergate.longport.trading.LongPortRestClient;
import io.brokergate.longport.trading.QueryString;
import io.brokergate.longport.trading.RequestClock;
import io.brokergate.longport.trading.RestCall;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Signed LongPort REST calls for session keeping, through the adapter's {@link LongPortRestClient}
 * (signing, envelope decoding, error mapping) on one shared non-blocking Vert.x client. These are
 * account-management calls (token, socket OTP), not trade or quote calls, so they bypass the
 * adapter's per-account rate lanes: LongPort declares no limit for them.
 */
@ApplicationScoped
public class LongPortCalls {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final OutboundLimits NO_LIMITS = OutboundLimits.of();

    private final Vertx vertx;
    private final HttpClient http;
    private final Instance<PaperExchangeEndpoints> paper;
    private final Duration timeout;
    /** Shared so that timestamps stay strictly increasing across calls: LongPort refuses a replayed one. */
    private final RequestClock clock = new RequestClock();

    public LongPortCalls(Vertx vertx, AuthConfig config, Instance<PaperExchangeEndpoints> paper) {
        this.vertx = vertx;
        this.paper = paper;
        this.timeout = config.sessions().restTimeout();
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(8)
                .setConnectTimeout((int) CONNECT_TIMEOUT.toMillis()));
    }

    /** True for the brokers whose sessions this package keeps. */
    public static boolean speaksLongPort(BrokerId broker) {
        return broker == BrokerId.LONGPORT || broker == BrokerId.PAPER;
    }

    /**
     * A signed GET; completes on a Vert.x event loop.
     *
     * @throws GatewayException (in the stage) mapped from LongPort's answer or the transport
     */
    public <T> CompletionStage<T> get(BrokerCredentials credentials, String path, QueryString query, Class<T> type) {
        // No limits declared, so the governor never needs its timer.
        OutboundGovernor governor = new OutboundGovernor(NO_LIMITS, null);
        LongPortRestClient client = new LongPortRestClient(vertx, http, restBase(credentials), ApiCredentials.from(credentials),
                governor, timeout, CONNECT_TIMEOUT, "en", clock);
        return client.call(RestCall.get(path, query, OutboundCategory.CONNECT), type);
    }

    private String restBase(BrokerCredentials c) {
        String stored = c.endpoints().get(LongPortEndpoints.HTTP);
        if (stored != null && !stored.isBlank()) {
            return stored;
        }
        if (c.broker() == BrokerId.LONGPORT) {
            return LongPortEndpoints.PRODUCTION.http();
        }
        String running = paper.isResolvable() ? paper.get().endpoints().get(LongPortEndpoints.HTTP) : null;
        if (running == null || running.isBlank()) {
            throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "no paper exchange endpoint for connection "
                    + c.connectionId());
        }
        return running;
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
