package io.brokergate.auth.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bootstrap settings: unset means no bootstrap; anything incomplete or against the user rules stops the start, naming the setting. */
class OperatorSettingsTest {

    private static final String PASSWORD = "twelve chars or more";

    record Config(Optional<String> operatorUsername, Optional<String> operatorPassword, Optional<String> operatorPasswordFile,
                  String operatorTenant, String operatorClientId, List<String> operatorRedirectUris) implements BootstrapConfig {
        static Config of(String login, String password, String file) {
            return new Config(Optional.ofNullable(login), Optional.ofNullable(password), Optional.ofNullable(file), "platform",
                    "brokergate-operator", List.of("http://127.0.0.1:8765/callback"));
        }
    }

    @Test
    void nothingSetMeansNoBootstrap() {
        assertTrue(OperatorSettings.from(Config.of(null, null, null)).isEmpty());
    }

    @Test
    void theDefaultsMakeAnOperatorClientOnLoopback() {
        OperatorSettings s = OperatorSettings.from(Config.of("ops", PASSWORD, null)).orElseThrow();
        assertEquals(new OperatorSettings("ops", PASSWORD, "platform", "brokergate-operator",
                List.of("http://127.0.0.1:8765/callback")), s);
        assertTrue(!s.toString().contains(PASSWORD), "the password never reaches a log line");
    }

    @Test
    void aMountedSecretFileLosesItsTrailingLineBreakOnly(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("password"), " " + PASSWORD + " \n");
        assertEquals(" " + PASSWORD + " ", OperatorSettings.from(Config.of("ops", null, file.toString())).orElseThrow().password());
    }

    @Test
    void incompleteOrBrokenSettingsStopTheStartNamingTheSetting(@TempDir Path dir) {
        assertFails(Config.of("ops", null, null), "set exactly one of brokergate.auth.bootstrap.operator-password and");
        assertFails(Config.of("ops", PASSWORD, "/x"), "(both are set)");
        assertFails(Config.of(null, PASSWORD, null), "brokergate.auth.bootstrap.operator-username is not");
        assertFails(Config.of("ops", "too short", null), "brokergate.auth.bootstrap.operator-password must have at least 12 characters");
        assertFails(Config.of("o", PASSWORD, null), "brokergate.auth.bootstrap.operator-username: login must be 3 to 100 characters");
        assertFails(Config.of("ops", null, dir.resolve("missing").toString()), "cannot read brokergate.auth.bootstrap.operator-password-file");
        assertFails(new Config(Optional.of("ops"), Optional.of(PASSWORD), Optional.empty(), "platform", "brokergate-operator",
                List.of("http://operator.example/callback")), "brokergate.auth.bootstrap.operator-redirect-uris: redirect URIs must use https");
        assertFails(new Config(Optional.of("ops"), Optional.of(PASSWORD), Optional.empty(), "platform", "has space",
                List.of("http://127.0.0.1:8765/callback")), "brokergate.auth.bootstrap.operator-client-id must be");
    }

    private static void assertFails(BootstrapConfig config, String message) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OperatorSettings.from(config));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
