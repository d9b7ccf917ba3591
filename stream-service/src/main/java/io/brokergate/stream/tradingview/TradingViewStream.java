package io.brokergate.stream.tradingview;

import io.brokergate.core.capability.PositionView;
import io.brokergate.stream.fanout.StreamKind;

/**
 * The TradingView account streams, the hub stream each one follows, and the position view the
 * account's broker must declare for it (null: every broker).
 */
enum TradingViewStream {
    ORDERS("orders", StreamKind.ORDERS, null),
    POSITIONS("positions", StreamKind.POSITIONS, PositionView.INSTRUMENT),
    NET_POSITIONS("netPositions", StreamKind.POSITIONS, PositionView.NET),
    INDIVIDUAL_POSITIONS("individualPositions", StreamKind.POSITIONS, PositionView.INDIVIDUAL),
    STATE("state", StreamKind.ACCOUNT, null);

    final String path;
    final StreamKind hubStream;
    final PositionView requires;

    TradingViewStream(String path, StreamKind hubStream, PositionView requires) {
        this.path = path;
        this.hubStream = hubStream;
        this.requires = requires;
    }
}
