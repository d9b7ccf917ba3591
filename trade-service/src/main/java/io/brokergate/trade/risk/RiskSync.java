package io.brokergate.trade.risk;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps {@link RiskBook} and the database in step: loads everything at start (the service does not
 * start without its limits), reloads after each admin change and whenever another pod bumped the
 * revision, and writes the daily counts every {@code sync-interval} on its own daemon thread (and
 * once more at shutdown). Failures keep the last good state and are retried at the next pass.
 */
@ApplicationScoped
public class RiskSync {

    private static final Logger LOG = Logger.getLogger(RiskSync.class);
    /** Zones run from UTC-12 to UTC+14: two days back from UTC covers every zone's "today" and "yesterday". */
    private static final int DAYS_READ = 2;
    private static final long PURGE_EVERY_MILLIS = TimeUnit.HOURS.toMillis(1);

    private final RiskStore store;
    private final RiskBook book;
    private final RiskSettings settings;
    private ScheduledExecutorService timer;
    private long loadedRevision = Long.MIN_VALUE;
    private long lastPurge;

    public RiskSync(RiskStore store, RiskBook book, RiskSettings settings) {
        this.store = store;
        this.book = book;
        this.settings = settings;
    }

    void onStart(@Observes StartupEvent event) {
        reload();
        readDailyCounts(Instant.now());
        long period = Math.max(settings.syncInterval().toMillis(), 100);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "risk-sync");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runOnce, period, period, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
        try {
            writeDailyCounts(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not write the last daily order counts at shutdown");
        }
    }

    /** One pass of the timer. */
    public void runOnce() {
        Instant now = Instant.now();
        try {
            writeDailyCounts(now);
            readDailyCounts(now);
            if (store.revision() != loadedRevisionNow()) {
                reload();
            }
            purgeIfDue(now);
        } catch (RuntimeException e) {
            LOG.warnf(e, "risk sync pass failed; keeping the last loaded limits and retrying");
        }
    }

    /** Loads every limit and kill switch; called after each admin change so this pod applies it at once. */
    public synchronized void reload() {
        long revision = store.revision(); // read first: rows read afterwards are at least this new
        book.replace(store.allLimits(), store.allKillSwitches());
        loadedRevision = revision;
    }

    private synchronized long loadedRevisionNow() {
        return loadedRevision;
    }

    private void writeDailyCounts(Instant now) {
        List<PendingCount> pending = book.drainDailyCounts();
        for (int i = 0; i < pending.size(); i++) {
            try {
                store.addDailyCount(pending.get(i), now);
            } catch (RuntimeException e) {
                book.restoreDailyCounts(pending.subList(i, pending.size())); // written ones stay written
                throw e;
            }
        }
    }

    private void readDailyCounts(Instant now) {
        book.mergeDailyCounts(store.dailyCounts(LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(DAYS_READ)));
    }

    private void purgeIfDue(Instant now) {
        if (now.toEpochMilli() - lastPurge < PURGE_EVERY_MILLIS) {
            return;
        }
        lastPurge = now.toEpochMilli();
        LocalDate before = LocalDate.ofInstant(now.minus(settings.dailyCountRetention()), ZoneOffset.UTC);
        store.purgeDailyCounts(before);
    }
}
