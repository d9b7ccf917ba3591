package io.brokergate.trade.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The one statement that differs between H2 and PostgreSQL: insert-or-update. */
enum SqlDialect {
    H2,
    POSTGRESQL;

    static SqlDialect of(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? POSTGRESQL : H2;
    }

    /**
     * Upsert keyed by {@code keys}. On PostgreSQL a row whose {@code updated_at} is newer than the
     * incoming one is left alone, so a lagging pod cannot put an older order state back; H2 serves
     * one process, whose single journal writer applies changes in order. Compared to the second:
     * brokers stamp order updates in whole seconds (LongPort), while the gateway's own first record
     * of an order carries its clock's milliseconds, which must not outrank the broker's states of the
     * same second (an order placed, working and cancelled within one second stayed "pending").
     */
    String upsert(String table, String[] keys, String[] columns, String newerGuardColumn) {
        String cols = String.join(", ", columns);
        String marks = "?" + ", ?".repeat(columns.length - 1);
        if (this == H2) {
            return "MERGE INTO " + table + " (" + cols + ") KEY (" + String.join(", ", keys) + ") VALUES (" + marks + ")";
        }
        StringBuilder set = new StringBuilder();
        for (String c : columns) {
            if (!java.util.Arrays.asList(keys).contains(c)) {
                set.append(set.length() == 0 ? "" : ", ").append(c).append(" = EXCLUDED.").append(c);
            }
        }
        String guard = newerGuardColumn == null ? ""
                : " WHERE date_trunc('second', " + table + "." + newerGuardColumn + ") <= date_trunc('second', EXCLUDED."
                        + newerGuardColumn + ")";
        return "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ") ON CONFLICT (" + String.join(", ", keys)
                + ") DO UPDATE SET " + set + guard;
    }
}
