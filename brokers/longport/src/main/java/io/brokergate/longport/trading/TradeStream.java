package io.brokergate.longport.trading;

import com.google.protobuf.InvalidProtocolBufferException;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.order.Order;
import io.brokergate.longport.mapping.Decimals;
import io.brokergate.longport.mapping.Orders;
import io.brokergate.longport.proto.Notification;
import io.brokergate.longport.proto.Sub;
import io.brokergate.longport.proto.SubResponse;
import io.brokergate.longport.rest.LongPortJson;
import io.brokergate.longport.rest.OrderChangedJson;
import io.brokergate.longport.rest.TradePushJson;
import io.brokergate.longport.session.ListenerSet;
import io.brokergate.longport.session.SocketLink;
import io.brokergate.longport.wire.Packet;
import io.brokergate.longport.wire.Packets;
import io.brokergate.longport.wire.TradeCommand;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The trade socket of one account: subscribes topic {@code private} after every (re)connect and
 * then reconciles — today's orders are fetched over REST and every order whose state differs from
 * the last one delivered is emitted — so that no change is lost across a drop. Order pushes (cmd
 * 18, JSON {@code order_changed_lb}) and reconciliation both pass through one {@link OrderTracker},
 * which drops duplicates and stale states and synthesises executions.
 *
 * <p>State is confined to the socket's event loop; listener callbacks run there too.
 */
public final class TradeStream implements SocketLink.Handler {

    private static final Logger LOG = Logger.getLogger(TradeStream.class);
    private static final Sub PRIVATE = Sub.newBuilder().addTopics(TradeCommand.TOPIC_PRIVATE).build();

    private final SocketLink link;
    private final Supplier<CompletionStage<List<Order>>> todayOrders;
    private final ListenerSet listeners;
    private final String accountId;
    private final OrderTracker tracker = new OrderTracker();

    /**
     * @param todayOrders REST look-up of today's orders (through the TRADE lane)
     * @param accountId   names the account in pushed orders
     */
    public TradeStream(Function<SocketLink.Handler, SocketLink> linkFactory,
                       Supplier<CompletionStage<List<Order>>> todayOrders, ListenerSet listeners, String accountId) {
        this.todayOrders = todayOrders;
        this.listeners = listeners;
        this.accountId = accountId;
        this.link = linkFactory.apply(this);
    }

    public SocketLink link() {
        return link;
    }

    @Override
    public CompletionStage<Void> restore(SocketLink l, boolean firstTime) {
        return l.requestDuringRestore(TradeCommand.SUBSCRIBE, PRIVATE)
                .thenAccept(r -> checkSubscribed(Packets.parseBody(SubResponse.parser(), r)))
                .thenCompose(v -> reconcile());
    }

    private static void checkSubscribed(SubResponse r) {
        for (SubResponse.Fail f : r.getFailList()) {
            if (TradeCommand.TOPIC_PRIVATE.equals(f.getTopic())) {
                throw new GatewayException(ErrorCode.BROKER_REJECTED, "LongPort refused the order topic: " + f.getReason());
            }
        }
    }

    /**
     * On the first connect this delivers today's orders once (a snapshot for a new owner); after a
     * reconnect only what changed while the socket was down. A failure fails the restore, so the
     * link reconnects and reconciles again rather than silently missing changes.
     */
    private CompletionStage<Void> reconcile() {
        return todayOrders.get().thenCompose(orders -> link.onContext(() -> {
            int delivered = 0;
            for (Order o : orders) {
                if (deliver(tracker.offer(o))) {
                    delivered++;
                }
            }
            LOG.debugf("LongPort trade socket reconciled %d order(s), %d changed", orders.size(), delivered);
            return CompletableFuture.completedFuture(null);
        }));
    }

    @Override
    public void onPush(Packet.Push push) {
        if (push.cmd() != TradeCommand.NOTIFY) {
            return;
        }
        Notification n;
        try {
            n = Notification.parseFrom(push.body());
        } catch (InvalidProtocolBufferException e) {
            LOG.debugf("LongPort trade push unparsable: %s", e.getMessage());
            return;
        }
        if (!TradeCommand.TOPIC_PRIVATE.equals(n.getTopic())) {
            return;
        }
        onNotification(n.getData().toByteArray());
    }

    /** The SDK parses the payload as JSON whatever content_type says; so do we. */
    private void onNotification(byte[] json) {
        TradePushJson push;
        try {
            push = LongPortJson.read(json, TradePushJson.class);
        } catch (RuntimeException e) {
            LOG.warnf("LongPort order push is not valid JSON: %s", e.getMessage());
            return;
        }
        if (!push.isOrderChanged() || push.data() == null) {
            return;
        }
        OrderChangedJson data = push.data();
        Order order = Orders.fromPush(data, accountId);
        if (order == null) {
            LOG.warnf("LongPort order push with an unreadable symbol or side: %s", data.orderId());
            return;
        }
        deliver(tracker.offer(order, Decimals.parsePositive(data.lastShare()), Decimals.parsePositive(data.lastPrice())));
    }

    private boolean deliver(OrderTracker.Update u) {
        if (u == null) {
            return false;
        }
        listeners.order(u.order());
        if (u.execution() != null) {
            listeners.execution(u.execution());
        }
        return true;
    }

    /** The last state delivered for an order (for diagnostics and tests). */
    public CompletionStage<Order> lastDelivered(String orderId) {
        return link.onContext(() -> CompletableFuture.completedFuture(tracker.last(orderId)));
    }
}
