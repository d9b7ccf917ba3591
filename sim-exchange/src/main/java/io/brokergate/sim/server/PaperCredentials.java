package io.brokergate.sim.server;

/**
 * Everything a LongPort client needs to trade on one paper account: the three credentials and the
 * three endpoint URLs (set them as the SDK's {@code LONGPORT_HTTP_URL}, {@code LONGPORT_QUOTE_WS_URL},
 * {@code LONGPORT_TRADE_WS_URL}).
 */
public record PaperCredentials(String accountNo, String name, String appKey, String appSecret, String accessToken,
                               String httpUrl, String quoteWsUrl, String tradeWsUrl) {
}
