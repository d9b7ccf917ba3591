package io.brokergate.auth.postgres;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

/** auth-service started on PostgreSQL: Flyway applied every migration of {@code db/migration} at start. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@RequiresPostgres
class PostgresMigrationTest {

    @Inject
    AgroalDataSource db;
    @Inject
    Flyway flyway;

    @Test
    void runsOnPostgresInItsOwnSchema() throws Exception {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT current_schema()")) {
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith(PostgresTestDatabase.SCHEMA_PREFIX), "current schema " + rs.getString(1));
        }
    }

    @Test
    void everyMigrationIsRecordedAsSuccessfulInTheSchemaHistory() throws Exception {
        TreeSet<String> files = MigrationFiles.versions();
        List<String> applied = new ArrayList<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                assertTrue(rs.getBoolean(2), "migration V" + rs.getString(1) + " failed on PostgreSQL");
                applied.add(rs.getString(1));
            }
        }
        applied.sort(MigrationFiles::compareVersions);
        assertEquals(List.copyOf(files), applied, "flyway_schema_history versions vs the V*.sql files on the class path");
    }

    @Test
    void flywayHasNothingPendingOrFailed() {
        for (MigrationInfo m : flyway.info().all()) {
            assertEquals(MigrationState.SUCCESS, m.getState(), "V" + m.getVersion() + " " + m.getDescription());
        }
        assertEquals(0, flyway.info().pending().length);
    }

    @Test
    void auth_serviceTablesExist() throws Exception {
        Set<String> tables = new TreeSet<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertTrue(tables.containsAll(Set.of("tenants", "users", "broker_connections", "accounts", "audit_log", "flyway_schema_history")),
                "tables: " + tables);
    }

    @Test
    void readyWithThePostgresDatasource() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body(containsString("Database connections health check"));
    }
}
