package io.brokergate.messaging.kafka.events;

import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.EventStamp;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.events.SubscriptionIntent;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.SessionType;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.market.TradingPhase;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.core.spi.SubscriptionKind;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native images: core's event records and everything they contain are read and written by
 * Jackson through reflection (core itself knows nothing of Quarkus).
 */
@RegisterForReflection(targets = {
        AccountEvent.class, AccountEvent.Kind.class, AccountEvent.Connection.class, EventStamp.class,
        MarketDataEvent.class, MarketDataEvent.Kind.class, SubscriptionIntent.class, SubscriptionKind.class,
        Order.class, OrderStatus.class, OrderType.class, Side.class, TimeInForce.class, Execution.class,
        Position.class, Balance.class, Quote.class, TradingPhase.class, Depth.class, DepthLevel.class,
        TradeTick.class, TradeTick.Aggressor.class, SessionType.class})
final class EventReflection {

    private EventReflection() {
    }
}
