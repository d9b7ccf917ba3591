package io.brokergate.sim.matching;

import io.brokergate.core.order.Side;
import java.util.ArrayList;
import java.util.List;

/** Remembers what the matching engine reported, as readable strings and raw fills. */
final class RecordingListener implements MatchListener {

    record Fill(long orderId, long price, long quantity, boolean maker) {
    }

    record Print(long price, long quantity, Side aggressor) {
    }

    final List<Fill> fills = new ArrayList<>();
    final List<Print> prints = new ArrayList<>();
    final List<Long> triggered = new ArrayList<>();
    final List<String> cancelled = new ArrayList<>();

    @Override
    public void onFill(BookOrder order, long price, long quantity, boolean maker) {
        fills.add(new Fill(order.id(), price, quantity, maker));
    }

    @Override
    public void onTrade(int instrument, long price, long quantity, Side aggressor) {
        prints.add(new Print(price, quantity, aggressor));
    }

    @Override
    public void onTriggered(BookOrder order) {
        triggered.add(order.id());
    }

    @Override
    public void onRemainderCancelled(BookOrder order, CancelReason reason) {
        cancelled.add(order.id() + ":" + reason);
    }

    List<Fill> fillsOf(long orderId) {
        List<Fill> out = new ArrayList<>();
        for (Fill f : fills) {
            if (f.orderId() == orderId) {
                out.add(f);
            }
        }
        return out;
    }

    void clear() {
        fills.clear();
        prints.clear();
        triggered.clear();
        cancelled.clear();
    }
}
