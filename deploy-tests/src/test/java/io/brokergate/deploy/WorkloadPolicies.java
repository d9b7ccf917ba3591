package io.brokergate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The team's deployment rules, checked on a set of rendered objects (the chart's output, the
 * kustomize base): the same rules whichever way Brokergate is deployed.
 */
final class WorkloadPolicies {

    static final Set<String> SERVICES = Set.of("auth-service", "quote-service", "trade-service", "stream-service");
    static final String COMPONENT = "app.kubernetes.io/component";

    private WorkloadPolicies() {
    }

    /** Every rule on every Deployment; {@code expectedTag} is the image tag every container must carry. */
    static void assertAll(List<HasMetadata> objects, String expectedTag) {
        List<Deployment> deployments = Manifests.ofType(objects, Deployment.class);
        assertEquals(SERVICES, deployments.stream().map(WorkloadPolicies::component).collect(Collectors.toSet()),
                "one Deployment per service");
        for (Deployment d : deployments) {
            String where = "Deployment " + d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertPodSecurity(pod.getSecurityContext(), where);
            assertFalse(pod.getContainers().isEmpty(), where);
            for (Container c : pod.getContainers()) {
                String at = where + " container " + c.getName();
                assertImage(c.getImage(), expectedTag, at);
                assertProbes(c, at);
                assertResources(c, at);
                assertContainerSecurity(c.getSecurityContext(), pod.getSecurityContext(), at);
                assertTrue(c.getPorts().stream().anyMatch(p -> p.getContainerPort() == 8080 && "http".equals(p.getName())),
                        at + ": listens on 8080, named http");
                assertWritableTmp(c, pod.getVolumes(), at);
            }
            assertCoveredByPdb(d, objects);
            assertCoveredByNetworkPolicy(d, objects);
            assertServed(d, objects);
            assertReferencesExist(d, pod, objects);
        }
        for (HorizontalPodAutoscaler hpa : Manifests.ofType(objects, HorizontalPodAutoscaler.class)) {
            String target = hpa.getSpec().getScaleTargetRef().getName();
            assertTrue(deployments.stream().anyMatch(d -> d.getMetadata().getName().equals(target)), "HPA " + target + " targets a Deployment");
            assertTrue(hpa.getSpec().getMetrics().stream().anyMatch(m -> "Resource".equals(m.getType())
                    && "cpu".equals(m.getResource().getName())), "HPA " + target + " scales on CPU");
        }
    }

    static String component(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? null : labels.get(COMPONENT);
    }

    private static void assertImage(String image, String expectedTag, String at) {
        assertNotNull(image, at);
        String afterRegistry = image.substring(image.lastIndexOf('/') + 1);
        assertTrue(afterRegistry.contains(":"), at + ": image " + image + " names no tag");
        String tag = afterRegistry.substring(afterRegistry.indexOf(':') + 1);
        assertFalse(tag.equalsIgnoreCase("latest"), at + ": image " + image + " uses latest");
        assertTrue(tag.equals(expectedTag) || tag.equals(expectedTag + "-native"), at + ": image " + image + " is not " + expectedTag);
    }

    private static void assertProbes(Container c, String at) {
        assertHttpProbe(c.getStartupProbe(), "/q/health/started", at + " startupProbe");
        assertHttpProbe(c.getLivenessProbe(), "/q/health/live", at + " livenessProbe");
        assertHttpProbe(c.getReadinessProbe(), "/q/health/ready", at + " readinessProbe");
    }

    private static void assertHttpProbe(Probe probe, String path, String at) {
        assertNotNull(probe, at + " missing");
        assertNotNull(probe.getHttpGet(), at + ": HTTP GET");
        assertEquals(path, probe.getHttpGet().getPath(), at);
        Object port = probe.getHttpGet().getPort().getValue();
        assertTrue("http".equals(port) || Integer.valueOf(8080).equals(port), at + ": port " + port);
    }

    private static void assertResources(Container c, String at) {
        assertNotNull(c.getResources(), at + ": resources");
        for (String kind : List.of("cpu", "memory")) {
            assertNotNull(c.getResources().getRequests() == null ? null : c.getResources().getRequests().get(kind), at + ": requests." + kind);
            assertNotNull(c.getResources().getLimits() == null ? null : c.getResources().getLimits().get(kind), at + ": limits." + kind);
        }
    }

    private static void assertPodSecurity(PodSecurityContext pod, String at) {
        assertNotNull(pod, at + ": pod securityContext");
        assertEquals(Boolean.TRUE, pod.getRunAsNonRoot(), at + ": runAsNonRoot");
        assertNotNull(pod.getRunAsUser(), at + ": runAsUser");
        assertTrue(pod.getRunAsUser() > 0, at + ": runAsUser is not root");
        assertNotNull(pod.getSeccompProfile(), at + ": seccompProfile");
        assertEquals("RuntimeDefault", pod.getSeccompProfile().getType(), at + ": seccompProfile");
    }

    private static void assertContainerSecurity(SecurityContext c, PodSecurityContext pod, String at) {
        assertNotNull(c, at + ": securityContext");
        assertEquals(Boolean.FALSE, c.getAllowPrivilegeEscalation(), at + ": allowPrivilegeEscalation");
        assertEquals(Boolean.TRUE, c.getReadOnlyRootFilesystem(), at + ": readOnlyRootFilesystem");
        assertFalse(Boolean.TRUE.equals(c.getPrivileged()), at + ": privileged");
        assertNotNull(c.getCapabilities(), at + ": capabilities");
        assertEquals(List.of("ALL"), c.getCapabilities().getDrop(), at + ": drop ALL");
        assertTrue(c.getCapabilities().getAdd() == null || c.getCapabilities().getAdd().isEmpty(), at + ": adds no capability");
        assertFalse(c.getRunAsUser() != null && c.getRunAsUser() == 0, at + ": runs as root");
        assertTrue(Boolean.TRUE.equals(c.getRunAsNonRoot()) || Boolean.TRUE.equals(pod.getRunAsNonRoot()), at + ": runAsNonRoot");
    }

    private static void assertWritableTmp(Container c, List<Volume> volumes, String at) {
        String volume = c.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath())).map(m -> m.getName()).findFirst()
                .orElseThrow(() -> new AssertionError(at + ": nothing mounted at /tmp"));
        assertTrue(volumes.stream().anyMatch(v -> v.getName().equals(volume) && v.getEmptyDir() != null), at + ": /tmp is an emptyDir");
    }

    private static void assertCoveredByPdb(Deployment d, List<HasMetadata> objects) {
        Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
        List<PodDisruptionBudget> pdbs = Manifests.ofType(objects, PodDisruptionBudget.class).stream()
                .filter(p -> Selectors.matches(p.getSpec().getSelector(), labels)).toList();
        assertEquals(1, pdbs.size(), "Deployment " + d.getMetadata().getName() + " is covered by exactly one PodDisruptionBudget");
    }

    private static void assertCoveredByNetworkPolicy(Deployment d, List<HasMetadata> objects) {
        Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
        List<NetworkPolicy> policies = Manifests.ofType(objects, NetworkPolicy.class).stream()
                .filter(p -> Selectors.matches(p.getSpec().getPodSelector(), labels)).toList();
        String where = "Deployment " + d.getMetadata().getName();
        assertTrue(policies.stream().anyMatch(p -> p.getSpec().getPolicyTypes().contains("Ingress")), where + ": a NetworkPolicy restricts ingress");
        assertTrue(policies.stream().anyMatch(p -> p.getSpec().getPolicyTypes().contains("Egress")), where + ": a NetworkPolicy restricts egress");
        assertTrue(policies.stream().anyMatch(p -> p.getSpec().getIngress() != null && !p.getSpec().getIngress().isEmpty()),
                where + ": some traffic is allowed in");
    }

    private static void assertServed(Deployment d, List<HasMetadata> objects) {
        Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
        List<Service> services = Manifests.ofType(objects, Service.class).stream()
                .filter(s -> Selectors.matches(s.getSpec().getSelector(), labels)).toList();
        assertEquals(1, services.size(), "Deployment " + d.getMetadata().getName() + " has one Service");
        Object target = services.get(0).getSpec().getPorts().get(0).getTargetPort().getValue();
        assertTrue("http".equals(target) || Integer.valueOf(8080).equals(target), "Service targets port http: " + target);
    }

    private static void assertReferencesExist(Deployment d, PodSpec pod, List<HasMetadata> objects) {
        String where = "Deployment " + d.getMetadata().getName();
        String account = pod.getServiceAccountName();
        assertTrue(account != null && Manifests.ofType(objects, ServiceAccount.class).stream()
                .anyMatch(a -> a.getMetadata().getName().equals(account)), where + ": its ServiceAccount exists");
        Set<String> configMaps = objects.stream().filter(o -> "ConfigMap".equals(o.getKind())).map(o -> o.getMetadata().getName())
                .collect(Collectors.toSet());
        pod.getVolumes().stream().filter(v -> v.getConfigMap() != null)
                .forEach(v -> assertTrue(configMaps.contains(v.getConfigMap().getName()), where + ": ConfigMap " + v.getConfigMap().getName()));
        pod.getContainers().stream().flatMap(c -> c.getEnvFrom().stream()).filter(e -> e.getConfigMapRef() != null)
                .forEach(e -> assertTrue(configMaps.contains(e.getConfigMapRef().getName()), where + ": ConfigMap " + e.getConfigMapRef().getName()));
    }
}
