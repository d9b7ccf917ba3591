package io.brokergate.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${VAR}} expressions of each service's mounted application.properties must resolve:
 * to an environment variable of its container ({@code env}, or a key of an {@code envFrom}
 * ConfigMap), unless the expression has a default ({@code ${VAR:}}).
 */
final class PropertyReferences {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(:[^}]*)?}");

    private PropertyReferences() {
    }

    static void assertResolvable(List<HasMetadata> objects) {
        List<ConfigMap> configMaps = Manifests.ofType(objects, ConfigMap.class);
        for (Deployment d : Manifests.ofType(objects, Deployment.class)) {
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            Set<String> env = new HashSet<>();
            c.getEnv().forEach(e -> env.add(e.getName()));
            c.getEnvFrom().stream().filter(e -> e.getConfigMapRef() != null)
                    .forEach(e -> env.addAll(configMap(configMaps, e.getConfigMapRef().getName()).getData().keySet()));
            String props = properties(d, configMaps);
            Set<String> missing = new TreeSet<>();
            Matcher m = EXPRESSION.matcher(props);
            while (m.find()) {
                if (m.group(2) == null && !env.contains(m.group(1))) {
                    missing.add(m.group(1));
                }
            }
            assertTrue(missing.isEmpty(), "Deployment " + d.getMetadata().getName() + ": application.properties uses " + missing
                    + " that the container's environment does not set");
        }
    }

    /** The application.properties mounted into the Deployment's container. */
    static String properties(Deployment d, List<ConfigMap> configMaps) {
        Volume config = d.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getConfigMap() != null).findFirst()
                .orElseThrow(() -> new AssertionError(d.getMetadata().getName() + " mounts no ConfigMap"));
        Map<String, String> data = configMap(configMaps, config.getConfigMap().getName()).getData();
        assertTrue(data.containsKey("application.properties"), config.getConfigMap().getName() + " has application.properties");
        return data.get("application.properties");
    }

    /** Property names (left of {@code =}) of a properties text. */
    static Set<String> keys(String properties) {
        Set<String> keys = new TreeSet<>();
        properties.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .forEach(l -> keys.add(l.substring(0, l.indexOf('='))));
        return keys;
    }

    private static ConfigMap configMap(List<ConfigMap> configMaps, String name) {
        return configMaps.stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + name));
    }
}
