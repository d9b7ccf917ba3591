package io.brokergate.quote.tradingview;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.api.tradingview.TradingViewEntities;
import io.brokergate.core.instrument.InstrumentType;
import io.brokergate.core.instrument.Market;
import io.brokergate.quote.config.QuoteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How our instruments look to TradingView: the symbol is the canonical id ({@code 700.HK}, which
 * fits TradingView's naming rule: upper-case letters, digits, dots); the exchange and the
 * TradingView symbol ({@code HKEX:700}) follow the market, with configured overrides.
 */
@ApplicationScoped
public class TradingViewSymbols {

    private final String usExchange;
    private final Map<InstrumentId, String> overrides = new HashMap<>();

    public TradingViewSymbols(QuoteConfig config) {
        this.usExchange = config.tradingview().usExchange();
        for (String entry : config.tradingview().mappingOverrides().orElse(List.of())) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || entry.indexOf(':', eq) < 0) {
                throw new IllegalStateException("brokergate.quote.tradingview.mapping-overrides entries are SYMBOL=EXCHANGE:TICKER, not '"
                        + entry + "'");
            }
            overrides.put(InstrumentId.parse(entry.substring(0, eq)), entry.substring(eq + 1).trim());
        }
    }

    /** Short name of the listing exchange. */
    public String exchange(InstrumentId id) {
        String override = overrides.get(id);
        if (override != null) {
            return override.substring(0, override.indexOf(':'));
        }
        return switch (id.market()) {
            case HK -> "HKEX";
            case US -> usExchange;
            case SH -> "SSE";
            case SZ -> "SZSE";
            case SG -> "SGX";
            case NSE, NFO, CDS -> "NSE";
            case BSE, BFO -> "BSE";
            case MCX -> "MCX";
        };
    }

    /** The TradingView symbol with its exchange prefix, e.g. {@code HKEX:700}. */
    public String tradingViewSymbol(InstrumentId id) {
        String override = overrides.get(id);
        return override != null ? override : exchange(id) + ":" + id.ticker();
    }

    /** TradingView's symbol type (the mapping trade-service's {@code /instruments} uses too). */
    public static String type(InstrumentType type) {
        return TradingViewEntities.symbolType(type);
    }

    /** Exchange-local timezone, e.g. {@code Asia/Hong_Kong}. */
    public static String timezone(Market market) {
        return market.zone().getId();
    }
}
