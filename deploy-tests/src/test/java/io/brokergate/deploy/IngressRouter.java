package io.brokergate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Routes a request path the way ingress-nginx does with {@code use-regex}: every path of the host
 * (across Ingresses) becomes {@code location ~* "^<path>"} (case-insensitive, anchored at the
 * start), sorted by descending path length, first match wins. Kubernetes only accepts RE2 syntax
 * there, so look-arounds and back-references are refused up front.
 */
final class IngressRouter {

    /** One location: the path regex and the component of the Service it sends to. */
    record Location(String path, String component, Pattern pattern) {
    }

    private static final Pattern NOT_RE2 = Pattern.compile("\\(\\?[=!<]|\\\\[1-9]");

    private final List<Location> locations;

    private IngressRouter(List<Location> locations) {
        this.locations = locations.stream().sorted(Comparator.comparingInt((Location l) -> l.path().length()).reversed()).toList();
    }

    static IngressRouter of(List<HasMetadata> objects) {
        List<Service> services = Manifests.ofType(objects, Service.class);
        List<Location> locations = new ArrayList<>();
        String host = null;
        for (Ingress ingress : Manifests.ofType(objects, Ingress.class)) {
            String where = "Ingress " + ingress.getMetadata().getName();
            assertEquals("nginx", ingress.getSpec().getIngressClassName(), where + ": ingress-nginx");
            assertEquals("true", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/use-regex"), where + ": use-regex");
            for (IngressRule rule : ingress.getSpec().getRules()) {
                assertTrue(host == null || host.equals(rule.getHost()), where + ": one host for every route");
                host = rule.getHost();
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    locations.add(location(path, services, where));
                }
            }
        }
        assertFalse(locations.isEmpty(), "no Ingress paths");
        return new IngressRouter(locations);
    }

    private static Location location(HTTPIngressPath path, List<Service> services, String where) {
        assertEquals("ImplementationSpecific", path.getPathType(), where + " " + path.getPath() + ": regex paths need ImplementationSpecific");
        assertFalse(NOT_RE2.matcher(path.getPath()).find(), where + " " + path.getPath() + ": not RE2 syntax");
        assertTrue(path.getPath().startsWith("/"), where + " " + path.getPath());
        String serviceName = path.getBackend().getService().getName();
        Service service = services.stream().filter(s -> s.getMetadata().getName().equals(serviceName)).findFirst()
                .orElseThrow(() -> new AssertionError(where + " routes to a missing Service " + serviceName));
        String port = path.getBackend().getService().getPort().getName();
        assertTrue("http".equals(port) || Integer.valueOf(8080).equals(path.getBackend().getService().getPort().getNumber()),
                where + " " + path.getPath() + ": Service port");
        String component = WorkloadPolicies.component(service);
        assertNotNull(component, "Service " + serviceName + " has no " + WorkloadPolicies.COMPONENT + " label");
        return new Location(path.getPath(), component, Pattern.compile("^" + path.getPath(), Pattern.CASE_INSENSITIVE));
    }

    /** The location nginx would pick; empty: the ingress answers 404 itself. */
    Optional<Location> route(String requestPath) {
        List<Location> matching = locations.stream().filter(l -> l.pattern().matcher(requestPath).lookingAt()).toList();
        if (matching.size() > 1) {
            assertTrue(matching.get(0).path().length() > matching.get(1).path().length(),
                    requestPath + " matches " + matching.get(0).path() + " and " + matching.get(1).path() + " of equal length: order undefined");
        }
        return matching.stream().findFirst();
    }

    List<Location> locations() {
        return locations;
    }
}
