package io.brokergate.trade.journal;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Writes queued items on its own thread, in batches of one transaction each, so that whoever
 * queues them never waits on the database. Items are written in the order they were queued. A
 * batch that fails is logged and dropped: callers use this only for writes that something else
 * can restore (the next change of an order, a reconciliation, a lookup at the broker).
 */
public final class WriteBehind<T> {

    /** Writes one batch inside the transaction of {@code connection} (auto-commit off). */
    @FunctionalInterface
    public interface BatchWriter<T> {
        void write(Connection connection, List<T> batch) throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(WriteBehind.class);
    /**
     * After a batch smaller than the maximum, how long the writer waits for more: a steady trickle
     * (1,000 orders/s) is then written a few at a time in one transaction, instead of a transaction
     * and a thread wake-up per item.
     */
    private static final long LINGER_MILLIS = 5;

    private final AgroalDataSource db;
    private final BatchWriter<T> writer;
    private final int maxBatch;
    private final String what;
    private final LinkedBlockingQueue<T> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean writing;

    /** @param name the writer thread's name, also what failures are logged as */
    public WriteBehind(String name, AgroalDataSource db, int maxBatch, BatchWriter<T> writer) {
        this.db = db;
        this.writer = writer;
        this.maxBatch = maxBatch;
        this.what = name;
        this.thread = new Thread(this::drain, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public void add(T item) {
        queue.add(item);
    }

    /** True once everything queued so far is written. */
    public boolean idle() {
        return queue.isEmpty() && !writing;
    }

    /** Lets queued writes land (bounded), then ends the thread. */
    public void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }

    private void drain() {
        List<T> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                T first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                writing = true;
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
                boolean full = batch.size() == maxBatch;
                batch.clear();
                writing = false;
                if (!full) {
                    Thread.sleep(LINGER_MILLIS);
                }
            } catch (InterruptedException e) {
                if (!running) {
                    queue.drainTo(batch);
                    write(batch);
                    return;
                }
            } finally {
                batch.clear();
                writing = false;
            }
        }
    }

    private void write(List<T> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                writer.write(c, batch);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "%s could not write %d change(s)", what, batch.size());
        }
    }
}
