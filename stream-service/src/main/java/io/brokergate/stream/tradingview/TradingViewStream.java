package io.brokergate.stream.tradingview;

import io.brokergate.stream.fanout.StreamKind;

/** The TradingView account streams and the hub stream each one follows. */
enum TradingViewStream {
    ORDERS("orders", StreamKind.ORDERS),
    POSITIONS("positions", StreamKind.POSITIONS),
    STATE("state", StreamKind.ACCOUNT);

    final String path;
    final StreamKind hubStream;

    TradingViewStream(String path, StreamKind hubStream) {
        this.path = path;
        this.hubStream = hubStream;
    }
}
