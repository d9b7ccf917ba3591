package io.brokergate.auth.bootstrap;

import io.brokergate.auth.postgres.PostgresProfile;
import io.brokergate.auth.postgres.RequiresPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link OperatorBootstrapContract} on PostgreSQL (cluster mode's database), in the PostgreSQL tests' application. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@RequiresPostgres
class OperatorBootstrapPostgresTest extends OperatorBootstrapContract {
}
