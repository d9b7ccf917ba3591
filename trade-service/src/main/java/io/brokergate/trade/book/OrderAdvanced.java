package io.brokergate.trade.book;

import io.brokergate.core.account.Account;
import io.brokergate.core.order.Order;

/**
 * An order moved forward in its account's book (from an event, reconciliation or the order path's
 * own acknowledgement). Fired synchronously on the thread that applied it: observers must not block.
 */
public record OrderAdvanced(Account account, Order order) {
}
