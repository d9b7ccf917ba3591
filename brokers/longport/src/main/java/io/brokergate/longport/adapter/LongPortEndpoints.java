package io.brokergate.longport.adapter;

import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.spi.BrokerCredentials;

/**
 * Where one connection's REST and sockets live. LongPort defaults to its global production hosts;
 * the paper exchange speaks the same protocol at addresses that only its credentials know.
 */
public record LongPortEndpoints(String http, String quoteWebSocket, String tradeWebSocket) {

    public static final String HTTP = "http";
    public static final String QUOTE_WS = "quote_ws";
    public static final String TRADE_WS = "trade_ws";

    public static final LongPortEndpoints PRODUCTION = new LongPortEndpoints("https://openapi.longportapp.com",
            "wss://openapi-quote.longportapp.com/v2", "wss://openapi-trade.longportapp.com/v2");

    /**
     * LONGPORT: production hosts unless the credentials override them. PAPER: all three from the
     * credentials' endpoints.
     *
     * @throws GatewayException INVALID_REQUEST when a paper connection lacks an endpoint
     */
    public static LongPortEndpoints of(BrokerCredentials c) {
        if (c.broker() == BrokerId.PAPER) {
            return new LongPortEndpoints(required(c, HTTP), required(c, QUOTE_WS), required(c, TRADE_WS));
        }
        return new LongPortEndpoints(c.endpoint(HTTP, PRODUCTION.http), c.endpoint(QUOTE_WS, PRODUCTION.quoteWebSocket),
                c.endpoint(TRADE_WS, PRODUCTION.tradeWebSocket));
    }

    private static String required(BrokerCredentials c, String key) {
        String v = c.endpoints().get(key);
        if (v == null || v.isBlank()) {
            throw GatewayException.invalid("paper exchange credentials lack the '" + key + "' endpoint");
        }
        return v;
    }
}
