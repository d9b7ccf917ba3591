package io.brokergate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart through Helm itself: lint --strict, template with the default and the production
 * values, every object parsed by the fabric8 model, then the team's policies on what it renders.
 */
class HelmChartTest {

    private static final Path PRODUCTION = ChartRendering.productionValues();

    private static List<HasMetadata> render(Path values, Map<String, String> sets) {
        return Manifests.parse(ChartRendering.template(values, sets), "helm template" + (values == null ? "" : " -f " + values.getFileName()));
    }

    private static List<HasMetadata> defaults() {
        return render(null, Map.of());
    }

    private static List<HasMetadata> production() {
        return render(PRODUCTION, Map.of());
    }

    @Test
    void lintsCleanInStrictModeWithTheDefaultAndTheProductionValues() {
        for (Path values : new Path[] {null, PRODUCTION}) {
            LintResult result = ChartRendering.lintStrict(values);
            assertFalse(result.isFailed(), "helm lint --strict " + values + ": " + result.getMessages());
            assertTrue(result.getMessages().stream().allMatch(m -> m.startsWith("[INFO]")), "warnings: " + result.getMessages());
        }
    }

    @Test
    void theChartRendersWithoutACluster() throws java.io.IOException {
        // helm-java's template is a dry-run install that would run lookup against a cluster; helm template would not.
        try (java.util.stream.Stream<Path> templates = java.nio.file.Files.list(Repository.chart().resolve("templates"))) {
            for (Path t : templates.toList()) {
                assertFalse(Repository.read(t).contains("lookup"), t + " queries the cluster (lookup)");
            }
        }
        assertEquals(Repository.root().resolve("deploy-tests/src/test/resources/no-cluster.kubeconfig").toString(), System.getenv("KUBECONFIG"));
    }

    @Test
    void everyObjectOfBothInstallsParsesAsAKubernetesObject() {
        Set<String> kinds = Set.of("ConfigMap", "Deployment", "Service", "ServiceAccount", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                "NetworkPolicy", "Ingress", "Role", "RoleBinding");
        assertEquals(kinds, defaults().stream().map(HasMetadata::getKind).collect(Collectors.toSet()));
        Set<String> productionKinds = production().stream().map(HasMetadata::getKind).collect(Collectors.toSet());
        assertTrue(productionKinds.containsAll(kinds) && productionKinds.contains("ServiceMonitor"), productionKinds.toString());
    }

    @Test
    void bothInstallsFollowTheDeploymentPolicies() {
        WorkloadPolicies.assertAll(defaults(), Repository.releaseVersion());
        WorkloadPolicies.assertAll(production(), (String) ((Map<?, ?>) ChartRendering.readValues(PRODUCTION).get("image")).get("tag"));
    }

    @Test
    void imagesDefaultToTheChartsAppVersionWhichIsTheProjectsVersion() {
        String chart = Repository.read(Repository.chart().resolve("Chart.yaml"));
        assertTrue(chart.contains("appVersion: \"" + Repository.releaseVersion() + "\""), "Chart.yaml appVersion is " + Repository.releaseVersion());
        Set<String> images = images(defaults());
        assertEquals(WorkloadPolicies.SERVICES.stream().map(s -> "brokergate/" + s + ":" + Repository.releaseVersion()).collect(Collectors.toSet()),
                images);
        assertTrue(images(render(null, Map.of("image.variant", "native", "image.registry", "registry.example.com"))).stream()
                .allMatch(i -> i.startsWith("registry.example.com/brokergate/") && i.endsWith(":" + Repository.releaseVersion() + "-native")));
    }

    @Test
    void latestIsRefusedInEveryCase() {
        for (String tag : List.of("latest", "LATEST", "Latest")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ChartRendering.template(null, Map.of("image.tag", tag)));
            assertTrue(e.getMessage().contains("latest"), e.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> ChartRendering.template(null, Map.of("image.variant", "debug")));
    }

    @Test
    void misspelledValuesAreRefusedByTheSchema() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChartRendering.template(null, Map.of("services.auth.replica", "2")));
        assertTrue(e.getMessage().contains("replica"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> ChartRendering.template(null, Map.of("kafka.securityProtocol", "TLS")));
        assertThrows(IllegalStateException.class, () -> ChartRendering.template(null, Map.of("postgresql.jdbcUrl", "jdbc:h2:mem:x")));
    }

    @Test
    void streamServiceScalesOnClientConnectionsInProductionAndOnCpuEverywhere() {
        MetricSpec connections = hpa(production(), "stream-service").getSpec().getMetrics().stream().filter(m -> "Pods".equals(m.getType()))
                .findFirst().orElseThrow(() -> new AssertionError("no Pods metric"));
        assertEquals("brokergate_stream_connections", connections.getPods().getMetric().getName());
        assertEquals("AverageValue", connections.getPods().getTarget().getType());
        assertEquals(900, hpa(production(), "stream-service").getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds());
        for (String service : WorkloadPolicies.SERVICES) {
            assertTrue(hpa(defaults(), service).getSpec().getMetrics().stream().noneMatch(m -> "Pods".equals(m.getType())),
                    service + ": no custom metric without the adapter");
        }
        Deployment stream = deployment(defaults(), "stream-service");
        assertEquals(null, stream.getSpec().getReplicas(), "the HPA owns the replica count");
        assertEquals("1", render(null, Map.of("services.stream.autoscaling.enabled", "false")).stream()
                .filter(o -> o instanceof Deployment && "stream-service".equals(WorkloadPolicies.component(o)))
                .map(o -> String.valueOf(((Deployment) o).getSpec().getReplicas())).findFirst().orElseThrow());
    }

    @Test
    void onlyAuthServiceTalksToTheKubernetesApiAndOnlyAboutItsTwoKeySecrets() {
        List<HasMetadata> objects = defaults();
        Role role = Manifests.ofType(objects, Role.class).get(0);
        assertEquals(1, role.getRules().size());
        PolicyRule rule = role.getRules().get(0);
        assertEquals(List.of("secrets"), rule.getResources());
        assertEquals(Set.of("brokergate-credential-key", "brokergate-signing-key"), Set.copyOf(rule.getResourceNames()));
        assertEquals(Set.of("get", "list", "watch"), Set.copyOf(rule.getVerbs()));
        RoleBinding binding = Manifests.ofType(objects, RoleBinding.class).get(0);
        assertEquals("brokergate-auth-service", binding.getSubjects().get(0).getName());
        assertEquals(ChartRendering.NAMESPACE, binding.getSubjects().get(0).getNamespace());
        for (Deployment d : Manifests.ofType(objects, Deployment.class)) {
            boolean auth = "auth-service".equals(WorkloadPolicies.component(d));
            assertEquals(auth, d.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken(), d.getMetadata().getName());
        }
        String auth = properties(objects, "auth-service");
        assertTrue(auth.contains("brokergate.auth.kubernetes.enabled=true\n"), auth);
        assertTrue(auth.contains("brokergate.auth.kubernetes.credential-key.secret=brokergate-credential-key\n"), auth);
        assertTrue(auth.contains("brokergate.auth.kubernetes.signing-key.secret=brokergate-signing-key\n"), auth);
        assertTrue(auth.contains("brokergate.auth.signing-keys.rotation-interval=3650d\n"), "no timer rotation while the Secret decides");
    }

    @Test
    void podsReadExactlyTheSecretsTheValuesName() {
        Set<String> common = Set.of("brokergate-credential-key/current", "brokergate-introspection/secret", "brokergate-postgresql/username",
                "brokergate-postgresql/password");
        assertEquals(common, secretReferences(defaults()));
        Set<String> withKafka = new java.util.HashSet<>(common);
        withKafka.add("brokergate-kafka/sasl.jaas.config");
        assertEquals(withKafka, secretReferences(production()));
    }

    private static Set<String> secretReferences(List<HasMetadata> objects) {
        return Manifests.ofType(objects, Deployment.class).stream()
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream()).flatMap(c -> c.getEnv().stream())
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef().getName() + "/" + e.getValueFrom().getSecretKeyRef().getKey())
                .collect(Collectors.toSet());
    }

    @Test
    void servicesAreWiredToAuthServiceKafkaAndPostgresql() {
        List<HasMetadata> objects = production();
        for (String service : List.of("quote-service", "trade-service", "stream-service")) {
            String props = properties(objects, service);
            assertTrue(props.contains("brokergate.security.jwks-url=http://brokergate-auth-service:8080/oauth/jwks\n"), props);
            assertTrue(props.contains("brokergate.security.accounts-url=http://brokergate-auth-service:8080/internal/v1/accounts\n"), props);
            assertTrue(props.contains("brokergate.security.issuer=https://gateway.example.com\n"), props);
            assertTrue(props.contains("kafka.bootstrap.servers=kafka-0.kafka.example.internal:9093,"), props);
            assertTrue(props.contains("kafka.security.protocol=SASL_SSL\nkafka.sasl.mechanism=SCRAM-SHA-512\nkafka.sasl.jaas.config=${KAFKA_SASL_JAAS_CONFIG}"), props);
            assertTrue(props.contains("brokergate.kafka.create-topics=true\n"), props);
            assertTrue(props.contains("brokergate.kafka.topics.account-shards.replication-factor=3"), props);
            assertEquals("prod,cluster", env(objects, service, "QUARKUS_PROFILE"), service + " runs in cluster mode (Kafka)");
        }
        assertTrue(properties(defaults(), "stream-service").contains("brokergate.kafka.topics.order-events.replication-factor=\n"),
                "by default the broker's replication factor");
        String auth = properties(objects, "auth-service");
        assertTrue(auth.contains("quarkus.datasource.jdbc.url=jdbc:postgresql://postgres.example.internal:5432/brokergate?sslmode=verify-full\n"), auth);
        assertTrue(auth.contains("brokergate.auth.issuer=https://gateway.example.com\n"), auth);
        assertFalse(auth.contains("kafka."), "auth-service does not use Kafka");
        assertEquals(null, env(objects, "auth-service", "QUARKUS_PROFILE"));
    }

    @Test
    void tradeServiceKeepsItsStateInItsOwnSchemaOfTheDatabase() {
        String trade = properties(production(), "trade-service");
        assertTrue(trade.contains("quarkus.datasource.trade.jdbc.url=jdbc:postgresql://postgres.example.internal:5432/brokergate"
                + "?sslmode=verify-full\nquarkus.datasource.trade.username=${BROKERGATE_DB_USERNAME}\n"
                + "quarkus.datasource.trade.password=${BROKERGATE_DB_PASSWORD}\nbrokergate.trade.database-schema=trade\n"), trade);
        for (String service : List.of("quote-service", "stream-service")) {
            assertFalse(properties(production(), service).contains("datasource"), service + " holds no database state");
        }
    }

    @Test
    void theFirstOperatorComesFromItsSecretOnlyWhenOneIsNamed() {
        assertFalse(properties(defaults(), "auth-service").contains("bootstrap"), "no bootstrap unless asked for");
        List<HasMetadata> objects = render(null, Map.of("bootstrap.operator.existingSecret", "brokergate-operator"));
        String auth = properties(objects, "auth-service");
        assertTrue(auth.contains("brokergate.auth.bootstrap.operator-username=${BROKERGATE_AUTH_BOOTSTRAP_OPERATOR_USERNAME}\n"
                + "brokergate.auth.bootstrap.operator-password-file=/deployments/secrets/operator/password\n"), auth);
        assertTrue(secretReferences(objects).contains("brokergate-operator/username"));
        var pod = deployment(objects, "auth-service").getSpec().getTemplate().getSpec();
        var volume = pod.getVolumes().stream().filter(v -> "operator".equals(v.getName())).findFirst().orElseThrow();
        assertEquals("brokergate-operator", volume.getSecret().getSecretName());
        assertEquals("password", volume.getSecret().getItems().get(0).getKey());
        assertEquals("password", volume.getSecret().getItems().get(0).getPath());
        assertTrue(pod.getContainers().get(0).getVolumeMounts().stream()
                .anyMatch(m -> m.getName().equals("operator") && m.getMountPath().equals("/deployments/secrets/operator") && m.getReadOnly()));
        PropertyReferences.assertResolvable(objects);
        for (String service : List.of("quote-service", "trade-service", "stream-service")) {
            assertTrue(deployment(objects, service).getSpec().getTemplate().getSpec().getVolumes().stream()
                    .noneMatch(v -> "operator".equals(v.getName())), service + " never sees the operator's password");
        }
    }

    @Test
    void streamPodsAdvertiseTheirPodIpSoTradeAndQuotePodsReachTheSocketOwner() {
        List<HasMetadata> objects = production();
        assertEquals("http://$(POD_IP):8080", env(objects, "stream-service", "BROKERGATE_KAFKA_SHARDS_ADVERTISED_URL"));
        assertEquals("status.podIP", deployment(objects, "stream-service").getSpec().getTemplate().getSpec().getContainers().get(0)
                .getEnv().stream().filter(e -> e.getName().equals("POD_IP")).findFirst().orElseThrow()
                .getValueFrom().getFieldRef().getFieldPath());
        for (String caller : List.of("trade-service", "quote-service", "auth-service")) {
            assertEquals(null, env(objects, caller, "BROKERGATE_KAFKA_SHARDS_ADVERTISED_URL"), caller + " owns no sockets");
        }
    }

    @Test
    void everyExpressionInTheMountedPropertiesIsSetInTheContainer() {
        PropertyReferences.assertResolvable(defaults());
        PropertyReferences.assertResolvable(production());
    }

    @Test
    void aConfigurationChangeRollsThePods() {
        String before = checksum(defaults(), "quote-service");
        String after = checksum(render(null, Map.of("kafka.bootstrapServers", "other:9092")), "quote-service");
        assertFalse(before.equals(after));
        assertEquals(checksum(defaults(), "auth-service"), checksum(render(null, Map.of("kafka.bootstrapServers", "other:9092")), "auth-service"));
    }

    private static String env(List<HasMetadata> objects, String service, String name) {
        return deployment(objects, service).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals(name)).map(e -> e.getValue()).findFirst().orElse(null);
    }

    private static String checksum(List<HasMetadata> objects, String service) {
        return deployment(objects, service).getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
    }

    static String properties(List<HasMetadata> objects, String service) {
        return Manifests.ofType(objects, ConfigMap.class).stream().filter(c -> service.equals(WorkloadPolicies.component(c)))
                .findFirst().orElseThrow().getData().get("application.properties");
    }

    private static Deployment deployment(List<HasMetadata> objects, String service) {
        return Manifests.ofType(objects, Deployment.class).stream().filter(d -> service.equals(WorkloadPolicies.component(d))).findFirst()
                .orElseThrow();
    }

    private static HorizontalPodAutoscaler hpa(List<HasMetadata> objects, String service) {
        return Manifests.ofType(objects, HorizontalPodAutoscaler.class).stream().filter(h -> service.equals(WorkloadPolicies.component(h)))
                .findFirst().orElseThrow();
    }

    private static Set<String> images(List<HasMetadata> objects) {
        return Manifests.ofType(objects, Deployment.class).stream().flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                .map(c -> c.getImage()).collect(Collectors.toSet());
    }
}
