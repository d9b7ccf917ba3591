package io.brokergate.quote.api;

/** Example bodies shown in the OpenAPI document ({@code /q/openapi}). */
public final class Examples {

    public static final String QUOTES = """
            {"quotes":[{"symbol":"700.HK","last":641.5,"open":638.0,"high":645.0,"low":636.5,"prev_close":640.0,\
            "change":1.5,"bid":641.0,"bid_size":3400,"ask":641.5,"ask_size":1200,"volume":18234500,\
            "turnover":11683000000.0,"phase":"normal","timestamp":"2026-03-02T03:15:07Z"}]}""";

    public static final String CANDLES = """
            {"symbol":"700.HK","resolution":"5","bars":[{"time":"2026-03-02T01:30:00Z","open":638.0,"high":640.5,\
            "low":637.5,"close":640.0,"volume":512300,"turnover":327716500.0},{"time":"2026-03-02T01:35:00Z",\
            "open":640.0,"high":641.0,"low":639.5,"close":641.0,"volume":401200,"turnover":257168400.0}]}""";

    public static final String DEPTH = """
            {"symbol":"700.HK","bids":[{"price":641.0,"quantity":3400,"orders":5},{"price":640.5,"quantity":8800,\
            "orders":11}],"asks":[{"price":641.5,"quantity":1200,"orders":2},{"price":642.0,"quantity":5100,\
            "orders":7}],"timestamp":"2026-03-02T03:15:07Z"}""";

    public static final String TRADES = """
            {"symbol":"700.HK","trades":[{"price":641.5,"quantity":300,"time":"2026-03-02T03:15:06Z",\
            "aggressor":"buyer","session":"regular"}]}""";

    public static final String INSTRUMENT = """
            {"symbol":"700.HK","name":"Tencent Holdings","type":"stock","market":"HK","currency":"HKD",\
            "lot_size":100,"tick_size":0.5,"tick_schedule":[{"from":0.01,"tick":0.001},{"from":500,"tick":0.5}],\
            "tradable":true,"timezone":"Asia/Hong_Kong","trading_sessions":[{"type":"regular","begin":"09:30:00",\
            "end":"12:00:00"},{"type":"regular","begin":"13:00:00","end":"16:00:00"}]}""";

    public static final String SEARCH = """
            {"instruments":[{"symbol":"700.HK","name":"Tencent Holdings","market":"HK","type":"stock",\
            "currency":"HKD"}]}""";

    public static final String CALENDAR = """
            {"market":"HK","timezone":"Asia/Hong_Kong","from":"2026-03-02","to":"2026-03-06",\
            "trading_days":["2026-03-02","2026-03-03","2026-03-04","2026-03-05","2026-03-06"],"half_days":[],\
            "sessions":[{"type":"regular","begin":"09:30:00","end":"12:00:00"},{"type":"regular",\
            "begin":"13:00:00","end":"16:00:00"}]}""";

    public static final String BAD_REQUEST = """
            {"type":"https://brokergate.io/problems/invalid-request","title":"Invalid request","status":400,\
            "detail":"at most 1000 symbols per request, got 10000: split the list into several requests",\
            "instance":"/v1/quotes","code":"invalid_request","retryable":false}""";

    public static final String UNKNOWN_SYMBOL = """
            {"type":"https://brokergate.io/problems/not-found","title":"Not found","status":404,\
            "detail":"unknown symbol ZZZZ.HK","instance":"/v1/quotes","code":"not_found","retryable":false}""";

    public static final String NOT_ENTITLED = """
            {"type":"https://brokergate.io/problems/forbidden","title":"Forbidden","status":403,\
            "detail":"none of your accounts has market data for market NSE: link an account whose broker serves NSE",\
            "instance":"/v1/quotes","code":"forbidden","retryable":false}""";

    public static final String BROKER_UNAVAILABLE = """
            {"type":"https://brokergate.io/problems/broker-unavailable","title":"Broker unavailable","status":503,\
            "detail":"no broker session of account acc-1 is open on this node, and the data is not in the cache",\
            "instance":"/v1/quotes","code":"broker_unavailable","retryable":true}""";

    public static final String TV_QUOTES = """
            {"s":"ok","d":[{"s":"ok","n":"700.HK","v":{"ask":641.5,"bid":641.0}}]}""";

    public static final String TV_DEPTH = """
            {"s":"ok","d":{"asks":[[641.5,1200],[642.0,5100]],"bids":[[640.5,8800],[641.0,3400]]}}""";

    public static final String TV_HISTORY = """
            {"s":"ok","t":[1772323200,1772409600],"o":[638.0,641.0],"h":[645.0,646.5],"l":[636.5,639.0],\
            "c":[641.0,644.0],"v":[18234500,16020400]}""";

    public static final String TV_HISTORY_EMPTY = """
            {"s":"ok","t":[],"o":[],"h":[],"l":[],"c":[],"v":[]}""";

    public static final String TV_SYMBOL_INFO = """
            {"s":"ok","symbol":["700.HK"],"ticker":["700.HK"],"description":["Tencent Holdings"],\
            "currency":["HKD"],"exchange-listed":["HKEX"],"exchange-traded":["HKEX"],"minmovement":[1],\
            "minmovement2":[0],"pricescale":[1000],"fractional":[false],"timezone":["Asia/Hong_Kong"],\
            "type":["stock"],"session-regular":["0930-1200,1300-1600"],"has-intraday":[true],"has-daily":[true],\
            "has-weekly-and-monthly":[true],"has-no-volume":[false]}""";

    public static final String TV_GROUPS = """
            {"s":"ok","d":{"groups":[{"id":"brokergate_hk"},{"id":"brokergate_us"}]}}""";

    public static final String TV_PERMISSIONS = """
            {"s":"ok","d":{"groups":["brokergate_hk","brokergate_us"]}}""";

    public static final String TV_MAPPING = """
            {"symbols":[{"f":["700.HK"],"s":"HKEX:700"},{"f":["AAPL.US"],"s":"NASDAQ:AAPL"}],"fields":["brokerSymbol"]}""";

    public static final String TV_ERROR = """
            {"s":"error","errmsg":"unknown symbol ZZZZ.HK"}""";

    private Examples() {
    }
}
