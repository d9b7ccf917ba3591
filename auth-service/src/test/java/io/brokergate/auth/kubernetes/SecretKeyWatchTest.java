package io.brokergate.auth.kubernetes;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.brokergate.auth.connections.BrokerConnection;
import io.brokergate.auth.connections.BrokerConnectionStore;
import io.brokergate.auth.connections.CredentialCipher;
import io.brokergate.auth.keys.KeyRing;
import io.brokergate.auth.keys.RsaJwk;
import io.brokergate.auth.oauth.CreatedClient;
import io.brokergate.auth.oauth.JwksTokens;
import io.brokergate.auth.oauth.OAuthFixtures;
import io.brokergate.core.capability.BrokerId;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * auth-service with its keys in Kubernetes Secrets, against the fabric8 mock API server in CRUD
 * mode: the keys are read before the first token is signed, and every change to a Secret (what an
 * operator, cert-manager or external-secrets does) takes effect without a restart.
 */
@QuarkusTest
@TestProfile(KubernetesKeysProfile.class)
@WithKubernetesTestServer(crud = true, setup = InitialSecrets.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretKeyWatchTest {

    private static final String SIGNING = KubernetesKeysProfile.SIGNING_SECRET;
    private static final String CREDENTIAL = KubernetesKeysProfile.CREDENTIAL_SECRET;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The credential key the application uses now (tests that change it update this). */
    private static String credentialKeyInUse = KubernetesKeysProfile.INITIAL_CREDENTIAL_KEY;

    @KubernetesTestServer
    KubernetesServer server;
    @Inject
    KeyRing ring;
    @Inject
    CredentialCipher cipher;
    @Inject
    CredentialKeyRotation rotation;
    @Inject
    BrokerConnectionStore connections;
    @Inject
    OAuthFixtures fixtures;
    @Inject
    AgroalDataSource db;
    @Inject
    MeterRegistry meters;

    @Test
    @Order(1)
    void theSecretsKeysAreInPlaceBeforeTheFirstTokenIsSigned() throws Exception {
        String secretKid = kidOf(SigningKeyPem.parse(entry(SIGNING, "tls.key"), "test"));
        assertEquals(secretKid, ring.active().kid());
        assertEquals(List.of(secretKid), signingKeyRows(), "the ring never generated a key of its own");
        assertEquals(CredentialCipher.keyIdOf(raw(KubernetesKeysProfile.INITIAL_CREDENTIAL_KEY)), cipher.keyId());
        assertTrue(counter(SIGNING, "applied") >= 1);
        assertTrue(counter(CREDENTIAL, "applied") >= 1);

        String token = clientToken();
        assertEquals(secretKid, kidOf(token));
        JwksTokens.verify(token);
    }

    @Test
    @Order(2)
    void aNewKeyInTheSigningSecretSignsAtOnceAndTheOldOneKeepsVerifying() throws Exception {
        String before = clientToken();
        String oldKid = kidOf(before);
        KeyPair fresh = TestKeys.rsa(2048);
        String freshKid = kidOf(fresh);

        putSecret(SIGNING, Map.of("tls.key", TestKeys.pkcs8Pem(fresh)));
        await().atMost(PATIENCE).until(() -> ring.active().kid().equals(freshKid));

        String after = clientToken();
        assertEquals(freshKid, kidOf(after));
        List<String> published = given().get("/oauth/jwks").then().statusCode(200).extract().jsonPath().getList("keys.kid");
        assertTrue(published.containsAll(List.of(oldKid, freshKid)), "both keys in the JWKS: " + published);
        JwksTokens.verify(before);
        JwksTokens.verify(after);
        assertTrue(retireAfter(oldKid).isAfter(Instant.now().plus(Duration.ofMinutes(30))), "old key verifies for the longest token lifetime");
    }

    @Test
    @Order(3)
    void aNewCredentialKeyReencryptsEverythingSoThePreviousKeyCanLeaveTheSecret() throws Exception {
        BrokerConnection connection = connections.create(fixtures.tenant(), BrokerId.PAPER, "main",
                Map.of("app_key", "k", "app_secret", "s3cr3t", "access_token", "t"), Map.of());
        String signingKid = ring.active().kid();
        String previous = credentialKeyInUse;
        String next = TestKeys.randomCredentialKey();

        putSecret(CREDENTIAL, Map.of("current", next, "previous", previous));
        String nextId = CredentialCipher.keyIdOf(raw(next));
        await().atMost(PATIENCE).until(() -> cipher.keyId().equals(nextId) && storedKeyIds().equals(Set.of(nextId)));
        credentialKeyInUse = next;

        // Readable with the new key alone: a pod started after the rotation needs nothing else.
        assertEquals("s3cr3t", JsonPath.from(TestKeys.decrypt(storedCredentials(connection.id()), next, connection.id())).getString("app_secret"));
        assertTrue(TestKeys.decrypt(storedPrivateKey(signingKid), next, KeyRing.privateKeyAad(signingKid)).length() > 1000);

        double applied = counter(CREDENTIAL, "applied");
        putSecret(CREDENTIAL, Map.of("current", next));
        await().atMost(PATIENCE).until(() -> counter(CREDENTIAL, "applied") > applied);
        assertEquals("s3cr3t", connections.credentials(connection.id()).orElseThrow().require("app_secret"));
        ring.refresh();
        assertEquals(signingKid, ring.active().kid(), "the signing key still decrypts");
        assertEquals(signingKid, kidOf(clientToken()));
        assertEquals(0, rotation.unreadable());
    }

    @Test
    @Order(4)
    void aKeyReplacedWithoutKeepingThePreviousOneIsStillReencrypted() throws Exception {
        BrokerConnection connection = connections.create(fixtures.tenant(), BrokerId.PAPER, "main",
                Map.of("app_key", "k", "app_secret", "second", "access_token", "t"), Map.of());
        String next = TestKeys.randomCredentialKey();
        String nextId = CredentialCipher.keyIdOf(raw(next));

        putSecret(CREDENTIAL, Map.of("current", next));
        await().atMost(PATIENCE).until(() -> cipher.keyId().equals(nextId) && storedKeyIds().equals(Set.of(nextId)));
        credentialKeyInUse = next;

        assertEquals("second", JsonPath.from(TestKeys.decrypt(storedCredentials(connection.id()), next, connection.id())).getString("app_secret"));
        assertEquals(0, rotation.unreadable());
    }

    @Test
    @Order(5)
    void unusableKeyMaterialIsRefusedAndTheKeysInUseStay() throws Exception {
        String keyId = cipher.keyId();
        String kid = ring.active().kid();
        String signingPem = entry(SIGNING, "tls.key");

        expectRejected(CREDENTIAL, Map.of("current", Base64.getEncoder().encodeToString(new byte[16])));
        expectRejected(CREDENTIAL, Map.of("current", "not a key"));
        expectRejected(CREDENTIAL, Map.of("previous", credentialKeyInUse));
        expectRejected(SIGNING, Map.of("tls.key", TestKeys.pkcs8Pem(TestKeys.rsa(1024))));
        expectRejected(SIGNING, Map.of("tls.key", TestKeys.pkcs8Pem(TestKeys.ec())));
        expectRejected(SIGNING, Map.of("tls.crt", "no key"));

        assertEquals(keyId, cipher.keyId());
        assertEquals(kid, ring.active().kid());
        assertEquals(kid, kidOf(clientToken()));

        putSecret(CREDENTIAL, Map.of("current", credentialKeyInUse));
        putSecret(SIGNING, Map.of("tls.key", signingPem));
    }

    @Test
    @Order(6)
    void aDeletedSecretLeavesTheKeysInUseUntilItComesBack() throws Exception {
        String keyId = cipher.keyId();
        String kid = ring.active().kid();
        String signingPem = entry(SIGNING, "tls.key");
        double missing = counter(SIGNING, "missing") + counter(CREDENTIAL, "missing");

        secrets().withName(SIGNING).delete();
        secrets().withName(CREDENTIAL).delete();
        await().atMost(PATIENCE).until(() -> counter(SIGNING, "missing") + counter(CREDENTIAL, "missing") >= missing + 2);
        assertEquals(keyId, cipher.keyId());
        assertEquals(kid, kidOf(clientToken()));

        KeyPair fresh = TestKeys.rsa(2048);
        putSecret(SIGNING, Map.of("tls.key", TestKeys.pkcs1Pem(fresh)));
        await().atMost(PATIENCE).until(() -> ring.active().kid().equals(kidOf(fresh)));
        assertNotEquals(kid, ring.active().kid());
        putSecret(CREDENTIAL, Map.of("current", credentialKeyInUse));
        assertTrue(signingPem.contains("PRIVATE KEY"));
    }

    private void expectRejected(String secret, Map<String, String> entries) {
        double before = counter(secret, "rejected");
        putSecret(secret, entries);
        await().atMost(PATIENCE).until(() -> counter(secret, "rejected") > before);
    }

    private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<Secret, io.fabric8.kubernetes.api.model.SecretList,
            io.fabric8.kubernetes.client.dsl.Resource<Secret>> secrets() {
        return server.getClient().secrets().inNamespace("test");
    }

    private void putSecret(String name, Map<String, String> entries) {
        secrets().resource(TestKeys.secret(name, entries)).createOr(NonDeletingOperation::update);
    }

    private String entry(String secret, String entry) {
        return new String(Base64.getDecoder().decode(secrets().withName(secret).get().getData().get(entry)), StandardCharsets.UTF_8);
    }

    private double counter(String secret, String outcome) {
        Counter c = meters.find("brokergate.auth.kubernetes.secret.updates").tags("secret", secret, "outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    private String clientToken() {
        CreatedClient client = fixtures.serviceClient(fixtures.tenant(), Set.of("quotes:read"));
        return given().auth().preemptive().basic(client.clientId(), client.clientSecret()).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    private static String kidOf(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8);
        return JsonPath.from(header).getString("kid");
    }

    private static String kidOf(KeyPair pair) {
        return RsaJwk.thumbprint((RSAPublicKey) pair.getPublic());
    }

    private static byte[] raw(String base64Key) {
        return Base64.getDecoder().decode(base64Key);
    }

    private List<String> signingKeyRows() throws Exception {
        return strings("SELECT kid FROM signing_keys", null);
    }

    /** Key ids of every ciphertext at rest: credentials and signing keys. */
    private Set<String> storedKeyIds() throws Exception {
        List<String> ids = new ArrayList<>(strings("SELECT credentials_key_id FROM broker_connections", null));
        ids.addAll(strings("SELECT private_key_key_id FROM signing_keys", null));
        return Set.copyOf(ids);
    }

    private String storedCredentials(String connectionId) throws Exception {
        return strings("SELECT credentials FROM broker_connections WHERE id = ?", connectionId).get(0);
    }

    private String storedPrivateKey(String kid) throws Exception {
        return strings("SELECT private_key FROM signing_keys WHERE kid = ?", kid).get(0);
    }

    private Instant retireAfter(String kid) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT retire_after FROM signing_keys WHERE kid = ?")) {
            ps.setString(1, kid);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    private List<String> strings(String sql, String arg) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
