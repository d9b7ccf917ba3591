package io.brokergate.auth.kubernetes;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * auth-service as the Helm chart runs it: keys from the Secrets {@link #SIGNING_SECRET} and
 * {@link #CREDENTIAL_SECRET} (the mock API server's namespace {@code test}), the credential key
 * also in the environment, automatic signing-key rotation off. Its own in-memory database, so the
 * keys of the other tests' application never mix with these.
 */
public class KubernetesKeysProfile implements QuarkusTestProfile {

    static final String SIGNING_SECRET = "brokergate-signing-key";
    static final String CREDENTIAL_SECRET = "brokergate-credential-key";
    static final String INITIAL_CREDENTIAL_KEY = TestKeys.credentialKey(1);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:auth-kubernetes;DB_CLOSE_DELAY=-1",
                "brokergate.auth.kubernetes.enabled", "true",
                "brokergate.auth.kubernetes.signing-key.secret", SIGNING_SECRET,
                "brokergate.auth.kubernetes.credential-key.secret", CREDENTIAL_SECRET,
                "brokergate.auth.credential-key", INITIAL_CREDENTIAL_KEY,
                "brokergate.auth.signing-keys.rotation-interval", "3650d");
    }
}
