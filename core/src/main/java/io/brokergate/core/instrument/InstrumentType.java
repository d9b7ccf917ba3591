package io.brokergate.core.instrument;

/** What kind of security an instrument is; maps onto TradingView's symbol types. */
public enum InstrumentType {
    STOCK, ETF, INDEX, WARRANT, OPTION, FUTURE, FUND, BOND
}
