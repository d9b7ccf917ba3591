package io.brokergate.auth.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.oauth.ClientStore;
import io.brokergate.auth.users.PasswordHasher;
import io.brokergate.auth.users.User;
import io.brokergate.auth.users.UserStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings given, as the Helm chart gives them (password from a mounted Secret file): the operator exists once started. */
@QuarkusTest
@TestProfile(OperatorBootstrapAtStartTest.WithSettings.class)
class OperatorBootstrapAtStartTest {

    static final String PASSWORD = "from a mounted secret file";

    public static class WithSettings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            // A database of its own: the other H2 tests' database must stay without an operator.
            config.put("%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:auth-bootstrap;DB_CLOSE_DELAY=-1");
            config.put("brokergate.auth.bootstrap.operator-username", "first-operator");
            config.put("brokergate.auth.bootstrap.operator-password-file", passwordFile().toString());
            return config;
        }

        private static Path passwordFile() {
            try {
                Path file = Files.createTempFile("operator-password", "");
                file.toFile().deleteOnExit();
                return Files.writeString(file, PASSWORD + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    UserStore users;
    @Inject
    PasswordHasher hasher;
    @Inject
    AuditLog audit;

    @Test
    void theOperatorWasCreatedAtStartWithThePasswordFromTheFile() {
        User operator = users.findByLogin("first-operator").orElseThrow();
        assertEquals(ClientStore.OPERATOR_SCOPES, operator.scopes());
        assertTrue(hasher.verify(PASSWORD, operator.passwordHash()));
        assertEquals(1, audit.recent(operator.tenantId(), 10).stream().filter(e -> e.action().equals("operator.bootstrap")).count());
    }
}
