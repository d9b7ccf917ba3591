package io.brokergate.auth.kubernetes;

import io.quarkus.test.kubernetes.client.KubernetesServer;
import java.util.Map;
import java.util.function.Consumer;

/** The Secrets as an operator (or the chart) creates them before auth-service starts. */
public class InitialSecrets implements Consumer<KubernetesServer> {

    @Override
    public void accept(KubernetesServer server) {
        var secrets = server.getClient().secrets().inNamespace("test");
        secrets.resource(TestKeys.secret(KubernetesKeysProfile.CREDENTIAL_SECRET,
                Map.of("current", KubernetesKeysProfile.INITIAL_CREDENTIAL_KEY))).create();
        secrets.resource(TestKeys.secret(KubernetesKeysProfile.SIGNING_SECRET,
                Map.of("tls.key", TestKeys.pkcs1Pem(TestKeys.rsa(2048)), "tls.crt", "not read"))).create();
    }
}
