package io.brokergate.auth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs auth-service's Flyway migrations, whatever {@code db/migration} holds at run time, with the
 * plain Flyway API on both databases it supports — H2 (all-in-one) and PostgreSQL (cluster) — and
 * compares the resulting schemas, so a migration that only works on one of them, or that yields a
 * different table, column, key or nullability on each, fails the build.
 */
@RequiresPostgres
class MigrationsOnBothDatabasesTest {

    private static final String H2_URL = "jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private static final Set<String> FLYWAY_TABLES = Set.of("flyway_schema_history");

    private static String pgSchema;
    private static Throwable h2Failure;
    private static Throwable pgFailure;

    @BeforeAll
    static void migrateBoth() {
        try {
            migrate(Flyway.configure().dataSource(H2_URL, "sa", ""));
        } catch (RuntimeException | Error e) {
            h2Failure = e;
        }
        pgSchema = PostgresTestDatabase.createSchema("migrations");
        try {
            requireFlywayPostgresPlugin();
            migrate(Flyway.configure()
                    .dataSource(PostgresTestDatabase.url(), PostgresTestDatabase.user(), PostgresTestDatabase.password())
                    .schemas(pgSchema).defaultSchema(pgSchema).createSchemas(false));
        } catch (RuntimeException | Error e) {
            pgFailure = e;
        }
    }

    @AfterAll
    static void cleanUp() throws SQLException {
        PostgresTestDatabase.dropSchema(pgSchema);
        try (Connection c = DriverManager.getConnection(H2_URL, "sa", "")) {
            c.createStatement().execute("SHUTDOWN");
        }
    }

    private static MigrateResult migrate(org.flywaydb.core.api.configuration.FluentConfiguration config) {
        return config.locations("classpath:" + MigrationFiles.LOCATION).failOnMissingLocations(true).cleanDisabled(true)
                .load().migrate();
    }

    /**
     * Flyway 10+ handles PostgreSQL in a separate module. Quarkus adds it to the application by itself
     * (a conditional dependency of quarkus-jdbc-postgresql), but only a declared dependency puts it on
     * this plain test's class path.
     */
    private static void requireFlywayPostgresPlugin() {
        try {
            Class.forName("org.flywaydb.database.postgresql.PostgreSQLDatabaseType", false,
                    MigrationsOnBothDatabasesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("org.flywaydb:flyway-database-postgresql is not on auth-service's test class path:"
                    + " declare io.quarkus:quarkus-flyway-postgresql (version from the Quarkus BOM) in auth-service/pom.xml", e);
        }
    }

    @Test
    void everyMigrationAppliesOnH2() throws SQLException {
        assertApplied("H2", h2Failure, () -> DriverManager.getConnection(H2_URL, "sa", ""), "PUBLIC");
    }

    @Test
    void everyMigrationAppliesOnPostgres() throws SQLException {
        assertApplied("PostgreSQL", pgFailure, PostgresTestDatabase::connect, pgSchema);
        try (Connection c = PostgresTestDatabase.connect()) {
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void bothDatabasesEndWithTheSameSchema() throws SQLException {
        if (h2Failure != null || pgFailure != null) {
            fail("a migration failed (see everyMigrationAppliesOn*): H2 " + h2Failure + ", PostgreSQL " + pgFailure);
        }
        TreeMap<String, String> h2;
        TreeMap<String, String> pg;
        try (Connection c = DriverManager.getConnection(H2_URL, "sa", "")) {
            h2 = SchemaShape.of(c, "PUBLIC", FLYWAY_TABLES);
        }
        try (Connection c = PostgresTestDatabase.connect()) {
            pg = SchemaShape.of(c, pgSchema, FLYWAY_TABLES);
        }
        assertTrue(h2.containsKey("tenants") && h2.containsKey("audit_log"), "expected auth-service's tables on H2, got " + h2.keySet());
        List<String> diff = SchemaShape.differences("H2", h2, "PostgreSQL", pg);
        assertTrue(diff.isEmpty(), "the migrations produce different schemas on H2 and PostgreSQL:\n  " + String.join("\n  ", diff));
    }

    private interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private static void assertApplied(String db, Throwable failure, ConnectionSource source, String schema) throws SQLException {
        if (failure != null) {
            fail("Flyway migrations fail on " + db + ": " + failure.getMessage(), failure);
        }
        TreeSet<String> expected = MigrationFiles.versions();
        Map<String, Boolean> applied = new TreeMap<>(MigrationFiles::compareVersions);
        List<String> failed = new ArrayList<>();
        try (Connection c = source.open(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT \"version\", \"success\", \"script\" FROM \"" + schema + "\".\"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
            while (rs.next()) {
                applied.put(rs.getString(1), rs.getBoolean(2));
                if (!rs.getBoolean(2)) {
                    failed.add(rs.getString(3));
                }
            }
        }
        assertEquals(List.copyOf(expected), List.copyOf(applied.keySet()), db + ": flyway_schema_history versions vs V*.sql files");
        assertTrue(failed.isEmpty(), db + ": failed migrations " + failed);
    }
}
