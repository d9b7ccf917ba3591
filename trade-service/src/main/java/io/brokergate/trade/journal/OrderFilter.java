package io.brokergate.trade.journal;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.OrderStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Listing filters; null or empty means any. {@code to} is exclusive. */
public record OrderFilter(Set<OrderStatus> statuses, InstrumentId instrument, Instant from, Instant to) {

    public OrderFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    void appendTo(StringBuilder sql, List<Object> args) {
        if (!statuses.isEmpty()) {
            sql.append(" AND status IN (");
            int i = 0;
            for (OrderStatus s : statuses) {
                sql.append(i++ == 0 ? "?" : ", ?");
                args.add(s.name());
            }
            sql.append(')');
        }
        if (instrument != null) {
            sql.append(" AND symbol = ?");
            args.add(instrument.symbol());
        }
        if (from != null) {
            sql.append(" AND created_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND created_at < ?");
            args.add(Timestamp.from(to));
        }
    }
}
