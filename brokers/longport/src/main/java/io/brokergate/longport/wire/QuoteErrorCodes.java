package io.brokergate.longport.wire;

/**
 * Business codes carried in {@code Error.code} of quote-socket error responses (longport.md §2.2).
 * 301601 is not documented and deliberately absent. Close codes live in the generated
 * {@code io.brokergate.longport.proto.Close.Code} enum.
 */
public final class QuoteErrorCodes {
    /** Invalid request or symbol not found. */
    public static final long INVALID_REQUEST = 301600;
    public static final long SERVER_ERROR = 301602;
    public static final long NO_QUOTES = 301603;
    public static final long NO_ACCESS = 301604;
    public static final long TOO_MANY_SUBSCRIPTIONS = 301605;
    public static final long RATE_LIMITED = 301606;
    /** Too many symbols, candlesticks or trades requested in one call. */
    public static final long TOO_MANY_ITEMS = 301607;

    private QuoteErrorCodes() {
    }
}
