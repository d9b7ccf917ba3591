package io.brokergate.auth.postgres;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A database-neutral description of a schema, read through JDBC metadata so that H2 and PostgreSQL
 * can be compared: tables, columns (type family, length, nullability), primary keys, unique keys
 * and foreign keys. Names are lower-cased; index and constraint names are ignored (each database
 * names its implicit ones differently).
 */
final class SchemaShape {

    private SchemaShape() {
    }

    /** Entries like {@code users.login -> varchar(100) not null}, {@code users PRIMARY KEY -> (id)}. */
    static TreeMap<String, String> of(Connection c, String schema, Set<String> ignoredTables) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        TreeMap<String, String> out = new TreeMap<>();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String t = rs.getString("TABLE_NAME");
                if (!ignoredTables.contains(t.toLowerCase(Locale.ROOT))) {
                    tables.add(t);
                }
            }
        }
        for (String t : tables) {
            String table = t.toLowerCase(Locale.ROOT);
            out.put(table, "table");
            try (ResultSet rs = md.getColumns(null, schema, t, "%")) {
                while (rs.next()) {
                    out.put(table + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            type(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"))
                                    + ("NO".equals(rs.getString("IS_NULLABLE")) ? " not null" : " null"));
                }
            }
            TreeMap<Integer, String> pk = new TreeMap<>();
            try (ResultSet rs = md.getPrimaryKeys(null, schema, t)) {
                while (rs.next()) {
                    pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            out.put(table + " PRIMARY KEY", "(" + String.join(", ", pk.values()) + ")");
            Map<String, TreeMap<Integer, String>> unique = new TreeMap<>();
            try (ResultSet rs = md.getIndexInfo(null, schema, t, true, false)) {
                while (rs.next()) {
                    String col = rs.getString("COLUMN_NAME");
                    if (rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic || col == null || rs.getBoolean("NON_UNIQUE")) {
                        continue;
                    }
                    unique.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new TreeMap<>())
                            .put((int) rs.getShort("ORDINAL_POSITION"), col.toLowerCase(Locale.ROOT));
                }
            }
            TreeSet<String> uniqueKeys = new TreeSet<>();
            unique.values().forEach(cols -> uniqueKeys.add("(" + String.join(", ", cols.values()) + ")"));
            out.put(table + " UNIQUE", uniqueKeys.toString());
            Map<String, TreeMap<Integer, String[]>> fks = new TreeMap<>();
            try (ResultSet rs = md.getImportedKeys(null, schema, t)) {
                while (rs.next()) {
                    String key = rs.getString("FK_NAME") + "|" + rs.getString("PKTABLE_NAME");
                    fks.computeIfAbsent(key, k -> new TreeMap<>()).put((int) rs.getShort("KEY_SEQ"), new String[] {
                        rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
                        rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT),
                        rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT)});
                }
            }
            TreeSet<String> foreignKeys = new TreeSet<>();
            for (TreeMap<Integer, String[]> fk : fks.values()) {
                List<String> from = new ArrayList<>();
                List<String> to = new ArrayList<>();
                String target = null;
                for (String[] part : fk.values()) {
                    from.add(part[0]);
                    target = part[1];
                    to.add(part[2]);
                }
                foreignKeys.add("(" + String.join(", ", from) + ") -> " + target + "(" + String.join(", ", to) + ")");
            }
            out.put(table + " FOREIGN KEYS", foreignKeys.toString());
        }
        return out;
    }

    /** The differences, one line each, empty when the shapes match. */
    static List<String> differences(String leftName, Map<String, String> left, String rightName, Map<String, String> right) {
        TreeSet<String> keys = new TreeSet<>(left.keySet());
        keys.addAll(right.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String l = left.get(k);
            String r = right.get(k);
            if (l == null || !l.equals(r)) {
                out.add(k + ": " + leftName + " " + (l == null ? "<missing>" : l) + " | " + rightName + " " + (r == null ? "<missing>" : r));
            }
        }
        return out;
    }

    /** A type family both databases agree on; the exact JDBC type where they do not differ in spelling only. */
    static String type(int jdbcType, String typeName, int size, int scale) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return switch (jdbcType) {
            case Types.CHAR, Types.NCHAR -> "char(" + size + ")";
            case Types.VARCHAR, Types.NVARCHAR -> size <= 0 || size >= 1_000_000 || name.equals("text") ? "text" : "varchar(" + size + ")";
            case Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> "text";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "binary";
            case Types.BIT, Types.BOOLEAN -> "boolean";
            case Types.TINYINT, Types.SMALLINT -> "smallint";
            case Types.INTEGER -> "integer";
            case Types.BIGINT -> "bigint";
            case Types.NUMERIC, Types.DECIMAL -> size <= 0 || size >= 1000 ? "decimal" : "decimal(" + size + "," + scale + ")";
            case Types.REAL -> "real";
            case Types.FLOAT, Types.DOUBLE -> "double";
            case Types.DATE -> "date";
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> "time";
            case Types.TIMESTAMP_WITH_TIMEZONE -> "timestamptz";
            case Types.TIMESTAMP -> name.equals("timestamptz") || name.contains("with time zone") ? "timestamptz" : "timestamp";
            default -> "other:" + name;
        };
    }
}
