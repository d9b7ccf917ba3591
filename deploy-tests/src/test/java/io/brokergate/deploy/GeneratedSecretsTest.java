package io.brokergate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.junit.jupiter.api.Test;

/**
 * The key Secrets the chart generates for a quick install ({@code secrets.create=true}). They are
 * pre-install hooks, which {@code helm template} through helm-java leaves out of its output, so
 * this renders a copy of the chart without the hook annotation, then checks the key material the
 * way auth-service reads it.
 */
class GeneratedSecretsTest {

    private static List<Secret> generated(Path values) throws IOException {
        Path copy = ChartRendering.copyOfChart();
        Path template = copy.resolve("templates/secrets.yaml");
        String text = Files.readString(template);
        assertTrue(text.contains("    helm.sh/hook: pre-install\n"), "the key Secrets are pre-install hooks");
        Files.writeString(template, text.replace("    helm.sh/hook: pre-install\n", ""));
        List<HasMetadata> objects = Manifests.parse(ChartRendering.template(copy, values, Map.of()), "helm template (hooks as objects)");
        return Manifests.ofType(objects, Secret.class);
    }

    @Test
    void aQuickInstallGetsUsableKeysOnceAndNeverReplacesThem() throws IOException {
        List<Secret> secrets = generated(null);
        assertEquals(3, secrets.size());
        for (Secret s : secrets) {
            assertEquals("hook-failed", s.getMetadata().getAnnotations().get("helm.sh/hook-delete-policy"),
                    s.getMetadata().getName() + ": no before-hook-creation, so an existing key is never deleted and replaced");
        }
        byte[] credentialKey = Base64.getDecoder().decode(entry(secrets, "brokergate-credential-key", "current").trim());
        assertEquals(32, credentialKey.length, "AES-256 credential key, base64 as brokergate.auth.credential-key takes it");

        String pem = entry(secrets, "brokergate-signing-key", "tls.key");
        assertTrue(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----"), "PKCS#1, which auth-service reads");
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        RSAPrivateKey key = RSAPrivateKey.getInstance(Base64.getDecoder().decode(body));
        assertTrue(key.getModulus().bitLength() >= 2048, "at least 2048 bits: " + key.getModulus().bitLength());

        assertTrue(entry(secrets, "brokergate-introspection", "secret").matches("[A-Za-z0-9]{48}"));
    }

    @Test
    void productionManagesItsSecretsOutsideHelm() throws IOException {
        assertTrue(generated(ChartRendering.productionValues()).isEmpty(), "values-production.yaml: secrets.create=false");
    }

    private static String entry(List<Secret> secrets, String name, String key) {
        Secret secret = secrets.stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Secret " + name));
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
