package io.brokergate.trade.orders;

import java.util.List;

/** A page of orders, newest first; {@code next_cursor} is null on the last page. */
public record OrderPage(List<OrderView> orders, String nextCursor) {
}
