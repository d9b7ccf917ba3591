package io.brokergate.quote.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** quote-service settings ({@code brokergate.quote.*}); defaults repeated in META-INF/microprofile-config.properties. */
@ConfigMapping(prefix = "brokergate.quote")
public interface QuoteConfig {

    /** How long cached data counts as current ({@code brokergate.quote.cache.*}). */
    Cache cache();

    /** Limits of a single request ({@code brokergate.quote.requests.*}). */
    Requests requests();

    /** Candle history ({@code brokergate.quote.history.*}). */
    History history();

    /** Instruments offered for search, {@code /tv/symbol_info} and {@code /tv/mapping} ({@code brokergate.quote.catalog.*}). */
    Catalog catalog();

    /** TradingView data integration ({@code brokergate.quote.tradingview.*}). */
    TradingView tradingview();

    interface Cache {
        /**
         * A quote or a depth snapshot is served from the cache while younger than this, whether a
         * push or a broker call put it there. Default 1 s (TradingView asks for at most 1 s delay).
         */
        @WithDefault("1s")
        Duration quoteTtl();

        /** Recent trades answered by the broker are reused this long. Default 1 s. */
        @WithDefault("1s")
        Duration tradesTtl();

        /** Static instrument data (name, lot size, currency) is reused this long. Default 1 h. */
        @WithDefault("1h")
        Duration instrumentTtl();

        /** A symbol the broker does not know is not asked for again this long. Default 60 s. */
        @WithDefault("60s")
        Duration unknownSymbolTtl();

        /** Trading sessions and trading days are reused this long. Default 1 h. */
        @WithDefault("1h")
        Duration calendarTtl();

        /** Entries per cache (quotes, depth, trades, instruments) before expired ones are swept. Default 100,000. */
        @WithDefault("100000")
        int maxEntries();
    }

    interface Requests {
        /**
         * Symbols in one quote request. LongPort takes 500 per call, so a request of up to this many
         * costs at most {@code ceil(n / 500)} broker calls. Default 1000.
         */
        @WithDefault("1000")
        int maxSymbols();

        /** Trades in one recent-trades request (LongPort: 1000). Default 1000. */
        @WithDefault("1000")
        int maxTrades();
    }

    interface History {
        /** Bars in one answer. Default 50,000. */
        @WithDefault("50000")
        int maxBars();

        /** Longest from..to range for intraday resolutions. Default 31 days. */
        @WithDefault("31d")
        Duration maxIntradaySpan();

        /** Longest from..to range for daily, weekly and monthly bars. Default 30 years (10,958 days). */
        @WithDefault("10958d")
        Duration maxDailySpan();

        /**
         * A minute bar counts as closed for good (cached forever, never changed) once this long has
         * passed after its end, so that the broker has recorded every trade of it. Default 2 s.
         */
        @WithDefault("2s")
        Duration settle();

        /**
         * Bars still open are built from pushed trades only while pushes keep coming: after this long
         * without a trade push for an instrument its open bars come from the broker again. Default 10 s.
         */
        @WithDefault("10s")
        Duration liveGap();

        /** Open (unsettled) bars answered by the broker are reused this long. Default 1 s. */
        @WithDefault("1s")
        Duration openBarTtl();

        /** Closed minute bars kept in memory across all instruments and tenants. Default 200,000. */
        @WithDefault("200000")
        int cachedMinuteBars();

        /** Closed daily bars kept in memory across all instruments and tenants. Default 200,000. */
        @WithDefault("200000")
        int cachedDailyBars();
    }

    interface Catalog {
        /**
         * Canonical symbols offered by search, {@code /tv/symbol_info} and {@code /tv/mapping}. Default:
         * the paper exchange's listing. Any other symbol the caller's broker knows can still be
         * quoted, charted and looked up by its exact symbol.
         */
        @WithDefault("700.HK,9988.HK,5.HK,1810.HK,3690.HK,HSI.HK,AAPL.US,TSLA.US,NVDA.US,MSFT.US,600519.SH,000001.SZ")
        List<String> symbols();
    }

    interface TradingView {
        /**
         * Prefix of the symbol-group ids ({@code [a-z_]}, ending in {@code _}); groups are
         * {@code <prefix><region>}, e.g. {@code brokergate_hk}. Default {@code brokergate_}.
         */
        @WithDefault("brokergate_")
        String groupPrefix();

        /** TradingView exchange prefix of US symbols in {@code /tv/mapping} (LongPort does not say). Default NASDAQ. */
        @WithDefault("NASDAQ")
        String usExchange();

        /** Explicit mappings {@code SYMBOL=EXCHANGE:TICKER}, e.g. {@code IBM.US=NYSE:IBM}; they win over the rules. */
        Optional<List<String>> mappingOverrides();
    }
}
