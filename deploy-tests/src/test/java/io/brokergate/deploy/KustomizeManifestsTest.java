package io.brokergate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * k8s/: the kustomize base holds the same objects as the chart and follows the same policies; the
 * overlays reference only files and objects that exist, and every YAML in them parses with the
 * fabric8 model.
 */
class KustomizeManifestsTest {

    private static final Kustomization BASE = new Kustomization(Repository.kustomize().resolve("base"));

    private static List<HasMetadata> base() {
        List<HasMetadata> objects = new ArrayList<>(BASE.resourceObjects());
        objects.addAll(BASE.generatedConfigMaps());
        return objects;
    }

    private static List<Kustomization> overlays() {
        try (Stream<Path> dirs = Files.list(Repository.kustomize().resolve("overlays"))) {
            List<Kustomization> overlays = dirs.filter(Files::isDirectory).sorted().map(Kustomization::new).toList();
            assertEquals(List.of("dev", "production"), overlays.stream().map(k -> k.dir().getFileName().toString()).toList());
            return overlays;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theBaseFollowsTheDeploymentPolicies() {
        List<HasMetadata> objects = base();
        WorkloadPolicies.assertAll(objects, Repository.releaseVersion());
        PropertyReferences.assertResolvable(objects);
        objects.forEach(o -> assertEquals(null, o.getMetadata().getNamespace(), o.getKind() + " " + o.getMetadata().getName()
                + ": the overlay decides the namespace"));
    }

    @Test
    void theBaseHasTheChartsObjects() {
        Set<String> chart = kindsAndComponents(Manifests.parse(ChartRendering.template(null, Map.of()), "helm template"));
        Set<String> base = kindsAndComponents(base());
        // The base's one addition: the per-site settings as environment variables (the chart renders them into each file).
        assertTrue(base.remove("ConfigMap/null"), "ConfigMap brokergate-site");
        assertEquals(chart, base);
    }

    @Test
    void theBaseRoutesLikeTheChartAndAsDocumented() {
        IngressRouter base = IngressRouter.of(base());
        IngressRouter chart = IngressRouter.of(Manifests.parse(ChartRendering.template(null, Map.of()), "helm template"));
        assertEquals(routes(chart), routes(base));
        IngressRoutingTest.assertRoutesAsDocumented(base, RouteTable.read(Repository.chart().resolve("README.md")), "k8s/base");
    }

    @Test
    void theBaseConfiguresEachServiceWithTheChartsSettings() {
        List<HasMetadata> chart = Manifests.parse(ChartRendering.template(ChartRendering.productionValues(), Map.of()), "helm template");
        List<HasMetadata> base = base();
        for (String service : WorkloadPolicies.SERVICES) {
            Set<String> chartKeys = PropertyReferences.keys(HelmChartTest.properties(chart, service));
            // The chart names the namespace; in the base the pod's own namespace applies (the overlay's).
            chartKeys.remove("brokergate.auth.kubernetes.namespace");
            Deployment d = Manifests.ofType(base, Deployment.class).stream().filter(x -> service.equals(WorkloadPolicies.component(x)))
                    .findFirst().orElseThrow();
            Set<String> baseKeys = PropertyReferences.keys(PropertyReferences.properties(d, Manifests.ofType(base, ConfigMap.class)));
            assertEquals(chartKeys, baseKeys, service);
        }
    }

    @Test
    void overlaysReferenceOnlyFilesAndObjectsThatExist() {
        List<HasMetadata> base = base();
        for (Kustomization overlay : overlays()) {
            String where = "k8s/overlays/" + overlay.dir().getFileName();
            assertNotNull(overlay.namespace(), where + ": sets a namespace");
            assertTrue(overlay.resources().contains(BASE.dir()), where + ": builds on the base");
            List<HasMetadata> own = overlay.resourceObjects();
            List<HasMetadata> all = new ArrayList<>(base);
            all.addAll(own);
            for (HasMetadata patch : overlay.patchObjects()) {
                assertTrue(all.stream().anyMatch(o -> o.getKind().equals(patch.getKind()) && o.getMetadata().getName().equals(patch.getMetadata().getName())),
                        where + ": patch for a missing " + patch.getKind() + " " + patch.getMetadata().getName());
            }
            for (Map<String, Object> target : overlay.inlinePatchTargets()) {
                Pattern name = Pattern.compile((String) target.get("name"));
                long matched = all.stream().filter(o -> o.getKind().equals(target.get("kind")) && name.matcher(o.getMetadata().getName()).matches()).count();
                assertTrue(matched > 0, where + ": inline patch matches nothing: " + target);
            }
            Set<String> generated = BASE.generatedConfigMaps().stream().map(c -> c.getMetadata().getName()).collect(Collectors.toSet());
            for (HasMetadata c : overlay.generatedConfigMaps()) {
                if ("merge".equals(c.getMetadata().getAnnotations().get("kustomize/behavior"))) {
                    assertTrue(generated.contains(c.getMetadata().getName()), where + ": merges into a missing generator " + c.getMetadata().getName());
                }
            }
            assertImagesPinned(overlay, base, where);
            assertServiceMonitorsSelectServices(own, base, where);
        }
    }

    @Test
    void everyYamlUnderK8sParses() throws IOException {
        try (Stream<Path> files = Files.walk(Repository.kustomize())) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals("kustomization.yaml")).toList();
            assertFalse(yaml.isEmpty());
            for (Path f : yaml) {
                assertFalse(Manifests.parse(Repository.read(f), Repository.root().relativize(f).toString()).isEmpty(), f.toString());
            }
        }
    }

    private static void assertImagesPinned(Kustomization overlay, List<HasMetadata> base, String where) {
        Set<String> baseImages = Manifests.ofType(base, Deployment.class).stream()
                .map(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .map(i -> i.substring(0, i.lastIndexOf(':'))).collect(Collectors.toSet());
        assertEquals(baseImages, overlay.images().stream().map(i -> (String) i.get("name")).collect(Collectors.toSet()), where + ": images");
        for (Map<String, Object> image : overlay.images()) {
            assertEquals(Repository.releaseVersion(), image.get("newTag"), where + ": " + image.get("name"));
        }
    }

    private static void assertServiceMonitorsSelectServices(List<HasMetadata> own, List<HasMetadata> base, String where) {
        for (HasMetadata o : own) {
            if (o instanceof GenericKubernetesResource monitor && "ServiceMonitor".equals(o.getKind())) {
                @SuppressWarnings("unchecked")
                Map<String, String> labels = (Map<String, String>) ((Map<String, Object>) ((Map<String, Object>) monitor.getAdditionalProperties()
                        .get("spec")).get("selector")).get("matchLabels");
                assertTrue(Manifests.ofType(base, Service.class).stream().anyMatch(s -> s.getMetadata().getLabels().entrySet().containsAll(labels.entrySet())),
                        where + ": ServiceMonitor " + o.getMetadata().getName() + " selects no Service");
            }
        }
    }

    private static Set<String> kindsAndComponents(List<HasMetadata> objects) {
        return objects.stream().map(o -> o.getKind() + "/" + WorkloadPolicies.component(o)).collect(Collectors.toCollection(java.util.HashSet::new));
    }

    private static Set<String> routes(IngressRouter router) {
        return router.locations().stream().map(l -> l.path() + " -> " + l.component()).collect(Collectors.toSet());
    }
}
