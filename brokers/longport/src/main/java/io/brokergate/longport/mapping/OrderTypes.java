package io.brokergate.longport.mapping;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.order.OrderType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Core order types ↔ LongPort {@code order_type} codes. LongPort's LIT/MIT ("limit/market if
 * touched") are the triggered orders the gateway calls stop-limit and stop. Trailing orders pick
 * TSLPAMT or TSLPPCT by whether an amount or a percentage trails.
 */
public final class OrderTypes {

    private static final Map<OrderType, io.brokergate.longport.rest.OrderType> TO_WIRE = new EnumMap<>(OrderType.class);
    private static final Map<io.brokergate.longport.rest.OrderType, OrderType> TO_CORE =
            new EnumMap<>(io.brokergate.longport.rest.OrderType.class);
    /** HKEX-only order types (longport.md §5: US supports LO/MO/LIT/MIT/TSLP*). */
    private static final Set<OrderType> HK_ONLY = EnumSet.of(OrderType.ENHANCED_LIMIT, OrderType.AT_AUCTION,
            OrderType.AT_AUCTION_LIMIT);

    static {
        TO_WIRE.put(OrderType.LIMIT, io.brokergate.longport.rest.OrderType.LO);
        TO_WIRE.put(OrderType.MARKET, io.brokergate.longport.rest.OrderType.MO);
        TO_WIRE.put(OrderType.STOP_LIMIT, io.brokergate.longport.rest.OrderType.LIT);
        TO_WIRE.put(OrderType.STOP, io.brokergate.longport.rest.OrderType.MIT);
        TO_WIRE.put(OrderType.TRAILING_STOP, io.brokergate.longport.rest.OrderType.TSLPAMT);
        TO_WIRE.put(OrderType.ENHANCED_LIMIT, io.brokergate.longport.rest.OrderType.ELO);
        TO_WIRE.put(OrderType.AT_AUCTION, io.brokergate.longport.rest.OrderType.AO);
        TO_WIRE.put(OrderType.AT_AUCTION_LIMIT, io.brokergate.longport.rest.OrderType.ALO);

        TO_CORE.put(io.brokergate.longport.rest.OrderType.LO, OrderType.LIMIT);
        TO_CORE.put(io.brokergate.longport.rest.OrderType.MO, OrderType.MARKET);
        TO_CORE.put(io.brokergate.longport.rest.OrderType.LIT, OrderType.STOP_LIMIT);
        TO_CORE.put(io.brokergate.longport.rest.OrderType.MIT, OrderType.STOP);
        TO_CORE.put(io.brokergate.longport.rest.OrderType.TSLPAMT, OrderType.TRAILING_STOP);
        TO_CORE.put(io.brokergate.longport.rest.OrderType.TSLPPCT, OrderType.TRAILING_STOP);
        TO_CORE.put(io.brokergate.longport.rest.OrderType.TSMAMT, OrderType.TRAILING_STOP);
        TO_CORE.put(io.brokergate.longport.rest.OrderType.TSMPCT, OrderType.TRAILING_STOP);
        TO_CORE.put(io.brokergate.longport.rest.OrderType.ELO, OrderType.ENHANCED_LIMIT);
        TO_CORE.put(io.brokergate.longport.rest.OrderType.AO, OrderType.AT_AUCTION);
        TO_CORE.put(io.brokergate.longport.rest.OrderType.ALO, OrderType.AT_AUCTION_LIMIT);
        // Odd-lot and special limit orders are limit orders to the gateway.
        TO_CORE.put(io.brokergate.longport.rest.OrderType.ODD, OrderType.LIMIT);
        TO_CORE.put(io.brokergate.longport.rest.OrderType.SLO, OrderType.LIMIT);
    }

    private OrderTypes() {
    }

    /** Core types the adapter can place (the capability map's order types). */
    public static Set<OrderType> supported() {
        return Collections.unmodifiableSet(TO_WIRE.keySet());
    }

    /**
     * @param percentTrail for trailing stops: true when the trail is a percentage (TSLPPCT)
     * @throws GatewayException INVALID_REQUEST when LongPort has no such type for the market
     */
    public static io.brokergate.longport.rest.OrderType toWire(OrderType type, Market market, boolean percentTrail) {
        io.brokergate.longport.rest.OrderType wire = TO_WIRE.get(type);
        if (wire == null) {
            throw GatewayException.invalid("LongPort does not support " + name(type) + " orders");
        }
        if (HK_ONLY.contains(type) && market != Market.HK) {
            throw GatewayException.invalid(name(type) + " orders exist only on HKEX, not " + market);
        }
        if (type == OrderType.TRAILING_STOP && percentTrail) {
            return io.brokergate.longport.rest.OrderType.TSLPPCT;
        }
        return wire;
    }

    /** Unknown codes become LIMIT when the order has a price, else MARKET. */
    public static OrderType toCore(io.brokergate.longport.rest.OrderType wire, boolean hasPrice) {
        OrderType t = wire == null ? null : TO_CORE.get(wire);
        if (t != null) {
            return t;
        }
        return hasPrice ? OrderType.LIMIT : OrderType.MARKET;
    }

    private static String name(OrderType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
