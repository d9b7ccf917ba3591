package io.brokergate.sim.server;

/** Where clients reach the server; known once it listens (the port may have been picked by the OS). */
public record AdvertisedUrls(String httpUrl, String quoteWsUrl, String tradeWsUrl) {

    public static final String QUOTE_PATH = "/quote/v2";
    public static final String TRADE_PATH = "/trade/v2";

    /** A wildcard bind address is not something a client can dial, so loopback is advertised instead. */
    public static AdvertisedUrls of(String host, int port) {
        String h = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host;
        if (h.indexOf(':') >= 0 && !h.startsWith("[")) {
            h = "[" + h + "]"; // IPv6 literal
        }
        String authority = h + ":" + port;
        return new AdvertisedUrls("http://" + authority, "ws://" + authority + QUOTE_PATH,
                "ws://" + authority + TRADE_PATH);
    }

    public PaperCredentials credentialsOf(PaperAccount a) {
        return new PaperCredentials(a.accountNo(), a.name(), a.appKey(), a.appSecret(), a.accessToken(), httpUrl,
                quoteWsUrl, tradeWsUrl);
    }
}
