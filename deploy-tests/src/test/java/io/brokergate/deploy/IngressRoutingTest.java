package io.brokergate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The path routing table: every documented request reaches the documented service through the
 * documented ingress path, every path the services' code serves reaches that service, and
 * nothing else (health, metrics) is exposed.
 */
class IngressRoutingTest {

    private static final Path CHART_README = Repository.chart().resolve("README.md");
    private static final Path OPERATIONS = Repository.root().resolve("docs/operations.md");

    private static IngressRouter chartRouter(Path values) {
        return IngressRouter.of(Manifests.parse(ChartRendering.template(values, Map.of()), "helm template"));
    }

    static void assertRoutesAsDocumented(IngressRouter router, List<RouteTable.Row> rows, String where) {
        for (RouteTable.Row row : rows) {
            Optional<IngressRouter.Location> location = router.route(row.request());
            if (row.service() == null) {
                assertTrue(location.isEmpty(), where + ": " + row.request() + " must not be exposed, goes to " + location);
            } else {
                assertTrue(location.isPresent(), where + ": " + row.request() + " is not routed");
                assertEquals(row.service(), location.get().component(), where + ": " + row.request());
                assertEquals(row.ingressPath(), location.get().path(), where + ": " + row.request() + " takes another ingress path");
            }
        }
        Set<String> documented = rows.stream().map(RouteTable.Row::ingressPath).filter(p -> p != null).collect(Collectors.toSet());
        Set<String> rendered = router.locations().stream().map(IngressRouter.Location::path).collect(Collectors.toSet());
        assertEquals(rendered, documented, where + ": every ingress path is documented with an example, and only those");
    }

    @Test
    void theChartReadmeAndTheOperationsGuideDocumentTheSameTable() {
        assertEquals(RouteTable.read(CHART_README), RouteTable.read(OPERATIONS));
    }

    @Test
    void everyDocumentedRequestReachesItsServiceInBothInstalls() {
        List<RouteTable.Row> rows = RouteTable.read(CHART_README);
        assertTrue(rows.stream().map(RouteTable.Row::service).filter(s -> s != null).collect(Collectors.toSet())
                .containsAll(WorkloadPolicies.SERVICES));
        assertRoutesAsDocumented(chartRouter(null), rows, "default values");
        assertRoutesAsDocumented(chartRouter(ChartRendering.productionValues()), rows, "production values");
    }

    @Test
    void everyPathTheServicesServeTodayReachesThatService() {
        IngressRouter router = chartRouter(null);
        for (String service : WorkloadPolicies.SERVICES) {
            List<ServiceEndpoints.Endpoint> endpoints = ServiceEndpoints.of(service);
            if (!service.equals("quote-service")) {
                assertFalse(endpoints.isEmpty(), service + ": no endpoints found in the code");
            }
            for (ServiceEndpoints.Endpoint e : endpoints) {
                Optional<IngressRouter.Location> location = router.route(e.path());
                if (e.path().startsWith("/internal/")) {
                    assertTrue(location.isEmpty(), e.path() + " is for the services only, but the ingress routes it");
                    continue;
                }
                assertTrue(location.isPresent(), e.path() + " (" + e.source().getFileName() + ") is not routed by the ingress");
                assertEquals(service, location.get().component(), e.path() + " (" + e.source().getFileName() + ")");
            }
        }
    }

    @Test
    void theStreamsIngressKeepsConnectionsOpenAndUnbuffered() {
        List<HasMetadata> objects = Manifests.parse(ChartRendering.template(null, Map.of()), "helm template");
        Ingress streams = Manifests.ofType(objects, Ingress.class).stream().filter(i -> i.getMetadata().getName().endsWith("-streams"))
                .findFirst().orElseThrow();
        Map<String, String> annotations = streams.getMetadata().getAnnotations();
        assertEquals("3600", annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout"));
        assertEquals("off", annotations.get("nginx.ingress.kubernetes.io/proxy-buffering"));
        assertTrue(streams.getSpec().getRules().get(0).getHttp().getPaths().stream()
                .allMatch(p -> p.getBackend().getService().getName().endsWith("stream-service")));
    }
}
