package io.brokergate.longport.session;

import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.spi.ConnectionState;
import io.brokergate.core.spi.PushListener;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A push session's listeners. Dispatch walks a copy-on-write array (no iterator per push) on
 * the socket's event loop; a listener that throws is logged and skipped so that it cannot break
 * the socket or starve the other listeners. Listeners must return quickly and never block.
 */
public final class ListenerSet {

    private static final Logger LOG = Logger.getLogger(ListenerSet.class);
    private static final PushListener[] NONE = new PushListener[0];

    private volatile PushListener[] listeners = NONE;

    public synchronized void add(PushListener l) {
        PushListener[] next = Arrays.copyOf(listeners, listeners.length + 1);
        next[next.length - 1] = l;
        listeners = next;
    }

    public synchronized void remove(PushListener l) {
        PushListener[] cur = listeners;
        for (int i = 0; i < cur.length; i++) {
            if (cur[i] == l) {
                PushListener[] next = new PushListener[cur.length - 1];
                System.arraycopy(cur, 0, next, 0, i);
                System.arraycopy(cur, i + 1, next, i, cur.length - i - 1);
                listeners = next;
                return;
            }
        }
    }

    public void quote(Quote q) {
        for (PushListener l : listeners) {
            try {
                l.onQuote(q);
            } catch (RuntimeException e) {
                failed(l, e);
            }
        }
    }

    public void depth(Depth d) {
        for (PushListener l : listeners) {
            try {
                l.onDepth(d);
            } catch (RuntimeException e) {
                failed(l, e);
            }
        }
    }

    public void trades(List<TradeTick> t) {
        for (PushListener l : listeners) {
            try {
                l.onTrades(t);
            } catch (RuntimeException e) {
                failed(l, e);
            }
        }
    }

    public void order(Order o) {
        for (PushListener l : listeners) {
            try {
                l.onOrder(o);
            } catch (RuntimeException e) {
                failed(l, e);
            }
        }
    }

    public void execution(Execution e) {
        for (PushListener l : listeners) {
            try {
                l.onExecution(e);
            } catch (RuntimeException ex) {
                failed(l, ex);
            }
        }
    }

    public void state(ConnectionState s, String detail) {
        for (PushListener l : listeners) {
            try {
                l.onConnectionState(s, detail);
            } catch (RuntimeException e) {
                failed(l, e);
            }
        }
    }

    private static void failed(PushListener l, RuntimeException e) {
        LOG.warnf(e, "push listener %s threw; skipped", l.getClass().getName());
    }
}
