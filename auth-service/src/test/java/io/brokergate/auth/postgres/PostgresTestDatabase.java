package io.brokergate.auth.postgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * The PostgreSQL server the PostgreSQL tests use, and the policy for when there is none.
 *
 * <p>Where: {@code BROKERGATE_TEST_PG_URL} / {@code _USER} / {@code _PASSWORD} (environment, or the
 * system properties {@code brokergate.test.pg.url} / {@code .user} / {@code .password}), by default
 * {@code jdbc:postgresql://127.0.0.1:5432/brokergate_test} as {@code brokergate}/{@code brokergate},
 * which is what {@code .ci/postgres.sh} sets up.
 *
 * <p>Policy: the tests run when something listens at the URL's host and port. When nothing does,
 * they <b>fail</b> if PostgreSQL is required (CI=true, or BROKERGATE_TEST_PG_URL set explicitly, or
 * BROKERGATE_TEST_PG_REQUIRED=true), and are <b>skipped with a loud reason</b> otherwise (a laptop
 * without PostgreSQL). See {@link RequiresPostgres}.
 *
 * <p>Every run works in its own schema ({@link #createSchema}), dropped afterwards, so reruns and
 * parallel runs never see each other's tables.
 */
public final class PostgresTestDatabase {

    private static final Logger LOG = Logger.getLogger(PostgresTestDatabase.class);

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/brokergate_test";
    public static final String DEFAULT_USER = "brokergate";
    public static final String DEFAULT_PASSWORD = "brokergate";
    /** Prefix of the per-run schemas; leftovers older than {@link #STALE_HOURS} are dropped. */
    static final String SCHEMA_PREFIX = "bg_test_";
    private static final int STALE_HOURS = 6;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private PostgresTestDatabase() {
    }

    public static String url() {
        return setting("BROKERGATE_TEST_PG_URL", "brokergate.test.pg.url", DEFAULT_URL);
    }

    public static String user() {
        return setting("BROKERGATE_TEST_PG_USER", "brokergate.test.pg.user", DEFAULT_USER);
    }

    public static String password() {
        return setting("BROKERGATE_TEST_PG_PASSWORD", "brokergate.test.pg.password", DEFAULT_PASSWORD);
    }

    /** True when a missing server is an error rather than a reason to skip. */
    static boolean required() {
        return "true".equalsIgnoreCase(env("CI"))
                || "true".equalsIgnoreCase(env("BROKERGATE_TEST_PG_REQUIRED"))
                || env("BROKERGATE_TEST_PG_URL") != null
                || System.getProperty("brokergate.test.pg.url") != null;
    }

    /** Why PostgreSQL is required here, for messages. */
    static String requiredBecause() {
        if ("true".equalsIgnoreCase(env("CI"))) {
            return "CI=true";
        }
        if ("true".equalsIgnoreCase(env("BROKERGATE_TEST_PG_REQUIRED"))) {
            return "BROKERGATE_TEST_PG_REQUIRED=true";
        }
        return "BROKERGATE_TEST_PG_URL is set";
    }

    /** Whether something accepts TCP connections at the URL's host and port (1 s timeout). */
    static boolean listening() {
        String[] hostPort = hostAndPort(url());
        if (hostPort == null) {
            return true; // a URL we cannot parse (several hosts, a socket factory...): let the driver decide
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 1000);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    static String[] hostAndPort(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            return null;
        }
        try {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            if (uri.getHost() == null) {
                return null;
            }
            return new String[] {uri.getHost(), Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort())};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(url(), user(), password());
        } catch (SQLException e) {
            throw new SQLException("cannot connect to the test PostgreSQL " + url() + " as " + user() + " (" + e.getMessage()
                    + "). Run .ci/postgres.sh, or point BROKERGATE_TEST_PG_URL/_USER/_PASSWORD at a server"
                    + " where that role may create schemas.", e.getSQLState(), e);
        }
    }

    /** Creates a fresh, empty schema for this run (and drops stale ones left by killed runs). */
    public static String createSchema(String purpose) {
        String name = SCHEMA_PREFIX + purpose + "_" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        try (Connection c = connect(); Statement st = c.createStatement()) {
            dropStale(st);
            st.execute("CREATE SCHEMA " + name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema " + name + ": " + e.getMessage(), e);
        }
    }

    public static void dropSchema(String name) {
        if (name == null) {
            return;
        }
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            LOG.warnf("could not drop test schema %s: %s", name, e.getMessage());
        }
    }

    /** A JDBC URL whose connections use {@code schema} as their current schema. */
    public static String urlWithSchema(String schema) {
        String url = url();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void dropStale(Statement st) throws SQLException {
        List<String> stale = new ArrayList<>();
        LocalDateTime limit = LocalDateTime.now(ZoneOffset.UTC).minusHours(STALE_HOURS);
        try (ResultSet rs = st.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bg\\_test\\_%'")) {
            while (rs.next()) {
                String n = rs.getString(1);
                String[] parts = n.split("_");
                try {
                    if (parts.length >= 2 && LocalDateTime.parse(parts[parts.length - 2], STAMP).isBefore(limit)) {
                        stale.add(n);
                    }
                } catch (DateTimeParseException e) {
                    // not one of ours
                }
            }
        }
        for (String n : stale) {
            st.execute("DROP SCHEMA IF EXISTS " + n + " CASCADE");
        }
    }

    private static String setting(String envName, String property, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = env(envName);
        }
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
