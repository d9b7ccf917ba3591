package io.brokergate.auth.kubernetes;

import io.brokergate.auth.config.AuthConfig;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Reads the key Secrets at start (before the key ring signs anything) and watches them with a
 * fabric8 informer: every add, change and resync re-applies the Secret; a Secret that is deleted
 * or holds unusable key material is logged and the keys in use stay. Counter
 * {@code brokergate.auth.kubernetes.secret.updates{secret, outcome=applied|rejected|missing}}.
 */
@ApplicationScoped
public class SecretKeyWatch {

    /** Automatic rotation this soon would replace the Secret's key by a generated one. */
    static final Duration EXTERNAL_ROTATION_MINIMUM = Duration.ofDays(3650);
    private static final Logger LOG = Logger.getLogger(SecretKeyWatch.class);

    private final KubernetesKeysConfig config;
    private final Duration rotationInterval;
    private final Instance<KubernetesClient> clients;
    private final CredentialKeyRotation credentials;
    private final SigningKeyImport signing;
    private final MeterRegistry meters;
    private final List<SharedIndexInformer<Secret>> informers = new ArrayList<>();

    public SecretKeyWatch(KubernetesKeysConfig config, AuthConfig auth, Instance<KubernetesClient> clients,
                          CredentialKeyRotation credentials, SigningKeyImport signing, MeterRegistry meters) {
        this.config = config;
        this.rotationInterval = auth.signingKeys().rotationInterval();
        this.clients = clients;
        this.credentials = credentials;
        this.signing = signing;
        this.meters = meters;
    }

    /** Before the key ring's own start-up (default priority), which creates a key when none exists. */
    void start(@Observes @Priority(10) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        if (config.credentialKey().secret().isEmpty() && config.signingKey().secret().isEmpty()) {
            throw new IllegalStateException("brokergate.auth.kubernetes.enabled=true needs brokergate.auth.kubernetes."
                    + "credential-key.secret and/or brokergate.auth.kubernetes.signing-key.secret");
        }
        KubernetesClient client = clients.get();
        String namespace = config.namespace().orElseGet(client::getNamespace);
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalStateException("the namespace of the key Secrets is unknown outside a pod: set brokergate.auth.kubernetes.namespace");
        }
        // The credential key first: importing a signing key encrypts it with that key.
        config.credentialKey().secret().ifPresent(name -> watch(client, namespace, name,
                s -> credentials.apply(CredentialKeySet.from(s, config.credentialKey().entry()))));
        config.signingKey().secret().ifPresent(name -> {
            if (rotationInterval.compareTo(EXTERNAL_ROTATION_MINIMUM) < 0) {
                LOG.warnf("signing keys come from Secret %s, but brokergate.auth.signing-keys.rotation-interval is %s: "
                        + "after that, auth-service replaces the Secret's key by a generated one; set it to %dd or more",
                        name, rotationInterval, EXTERNAL_ROTATION_MINIMUM.toDays());
            }
            watch(client, namespace, name, s -> signing.apply(SigningKeyPem.parse(s.require(config.signingKey().entry()),
                    "entry " + config.signingKey().entry() + " of Secret " + s.secretName())));
        });
    }

    void stop(@Observes ShutdownEvent event) {
        informers.forEach(SharedIndexInformer::close);
    }

    private void watch(KubernetesClient client, String namespace, String name, Consumer<SecretEntries> apply) {
        Resource<Secret> secret = client.secrets().inNamespace(namespace).withName(name);
        try {
            // Read once synchronously, so the keys are in place before start-up completes.
            apply(name, secret.get(), apply);
            informers.add(secret.inform(new Handler(name, apply), config.resync().toMillis()));
            LOG.infof("watching Secret %s/%s for key rotation", namespace, name);
        } catch (KubernetesClientException e) {
            throw new IllegalStateException("cannot read or watch Secret " + namespace + "/" + name + " (the pod needs a route to "
                    + "the API server, and its service account get, list and watch on the Secret): " + e.getMessage(), e);
        }
    }

    private void apply(String name, Secret secret, Consumer<SecretEntries> apply) {
        if (secret == null) {
            LOG.warnf("Secret %s does not exist (yet); the keys in use stay until it appears", name);
            count(name, "missing");
            return;
        }
        try {
            apply.accept(SecretEntries.of(secret));
            count(name, "applied");
        } catch (KeyMaterialException e) {
            LOG.errorf("Secret %s ignored, the keys in use stay: %s", name, e.getMessage());
            count(name, "rejected");
        }
    }

    private void count(String secret, String outcome) {
        meters.counter("brokergate.auth.kubernetes.secret.updates", "secret", secret, "outcome", outcome).increment();
    }

    /** Runs on the informer's own thread, one event at a time; must never throw. */
    private final class Handler implements ResourceEventHandler<Secret> {
        private final String name;
        private final Consumer<SecretEntries> apply;

        Handler(String name, Consumer<SecretEntries> apply) {
            this.name = name;
            this.apply = apply;
        }

        @Override
        public void onAdd(Secret secret) {
            safely(secret);
        }

        @Override
        public void onUpdate(Secret before, Secret after) {
            safely(after);
        }

        @Override
        public void onDelete(Secret secret, boolean finalStateUnknown) {
            LOG.warnf("Secret %s was deleted; the keys in use stay until it is created again", name);
            count(name, "missing");
        }

        private void safely(Secret secret) {
            try {
                apply(name, secret, apply);
            } catch (RuntimeException e) {
                LOG.errorf(e, "applying Secret %s failed; the keys in use stay", name);
                count(name, "rejected");
            }
        }
    }
}
