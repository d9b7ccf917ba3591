package io.brokergate.core.instrument;

import java.util.Objects;

/**
 * Canonical instrument id {@code TICKER.MARKET}. The market is the part after the <em>last</em>
 * dot, so tickers may themselves contain dots ({@code BRK.A.US}, {@code .DJI.US}).
 */
public record InstrumentId(String ticker, Market market) implements Comparable<InstrumentId> {

    /** Longest ticker any supported broker uses (US options run to about 21 characters). */
    public static final int MAX_TICKER_LENGTH = 32;

    public InstrumentId {
        Objects.requireNonNull(market, "market");
        if (ticker == null || ticker.isEmpty()) {
            throw new IllegalArgumentException("ticker is required");
        }
        if (ticker.length() > MAX_TICKER_LENGTH) {
            throw new IllegalArgumentException("ticker is longer than " + MAX_TICKER_LENGTH + " characters");
        }
        for (int i = 0; i < ticker.length(); i++) {
            char c = ticker.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == '&';
            if (!allowed) {
                throw new IllegalArgumentException("ticker contains an illegal character: '" + c + "'");
            }
        }
    }

    public static InstrumentId of(String ticker, Market market) {
        return new InstrumentId(ticker, market);
    }

    /** Parses {@code 700.HK}; the ticker is upper-cased, surrounding blanks are ignored. */
    public static InstrumentId parse(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol is required");
        }
        String s = symbol.trim();
        int dot = s.lastIndexOf('.');
        if (dot <= 0 || dot == s.length() - 1) {
            throw new IllegalArgumentException("symbol '" + abbreviate(s) + "' is not of the form TICKER.MARKET");
        }
        return new InstrumentId(s.substring(0, dot).toUpperCase(java.util.Locale.ROOT), Market.parse(s.substring(dot + 1)));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    public String symbol() {
        return ticker + '.' + market.name();
    }

    @Override
    public int compareTo(InstrumentId o) {
        int c = market.compareTo(o.market);
        return c != 0 ? c : ticker.compareTo(o.ticker);
    }

    @Override
    public String toString() {
        return symbol();
    }
}
