package io.brokergate.auth.postgres;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs the test PostgreSQL server ({@link PostgresTestDatabase}): it runs
 * when the server answers, fails when the server is required but absent (CI=true), and is skipped
 * with a loud reason on a developer machine without PostgreSQL. See {@link PostgresAvailableCondition}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailableCondition.class)
public @interface RequiresPostgres {
}
